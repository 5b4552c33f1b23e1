package dev.cinema.query.payment;

import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentHistoryEntry;
import dev.cinema.contracts.payment.PaymentStatus;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entry of a payment history: a payment in its latest state, or its refund. */
@Entity
@Table(name = "payment_history_entry", schema = "read_model")
class PaymentHistoryRow {

    static final int REFERENCE_LENGTH = 200;
    static final int REASON_LENGTH = 1000;

    @EmbeddedId
    PaymentHistoryKey key;

    @Column(name = "booking_id", nullable = false, length = 64)
    String bookingId;

    @Column(name = "customer_id", nullable = false, length = 64)
    String customerId;

    @Column(name = "amount_minor", nullable = false)
    long amountMinor;

    @Column(name = "currency", nullable = false, length = 8)
    String currency;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "status", nullable = false, length = 16)
    PaymentStatus status;

    /** The provider's capture reference of a payment, or its refund reference. */
    @Column(name = "psp_reference", length = REFERENCE_LENGTH)
    String pspReference;

    /** Why a payment was declined, or why it was refunded. */
    @Column(name = "reason", length = REASON_LENGTH)
    String reason;

    /** When the entry reached its current state (the timestamp of the last event folded into it). */
    @Column(name = "occurred_at", nullable = false)
    Instant at;

    protected PaymentHistoryRow() {}

    PaymentHistoryRow(String paymentId, EntryKind kind, String entryId) {
        this.key = new PaymentHistoryKey(paymentId, kind, entryId);
    }

    PaymentHistoryEntry view() {
        return new PaymentHistoryEntry(
                key.paymentId,
                bookingId,
                customerId,
                key.kind.name(),
                Money.of(amountMinor, currency),
                status,
                pspReference,
                reason,
                at);
    }
}
