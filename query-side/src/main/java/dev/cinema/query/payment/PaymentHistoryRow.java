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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
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

    /**
     * The payment its entries show (the PAYMENT entry and its REFUND entries), as {@link
     * PaymentState} folded it.
     */
    static PaymentState state(String paymentId, Collection<PaymentHistoryRow> rows) {
        PaymentHistoryEntry payment = null;
        List<PaymentHistoryRow> refunds = new ArrayList<>();
        for (PaymentHistoryRow row : rows) {
            if (row.key.kind == EntryKind.PAYMENT) {
                payment = row.view();
            } else {
                refunds.add(row);
            }
        }
        refunds.sort(Comparator.comparing((PaymentHistoryRow row) -> row.at).thenComparing(row -> row.key.entryId));
        return PaymentState.shownAs(
                paymentId,
                payment,
                refunds.stream()
                        .map(row -> new PaymentState.Refund(
                                row.key.entryId,
                                Money.of(row.amountMinor, row.currency),
                                row.pspReference,
                                row.reason,
                                row.at))
                        .toList());
    }

    /** Shows {@code entry}; unchanged columns stay as they are. */
    void show(PaymentHistoryEntry entry) {
        PaymentHistoryEntry shown = clipped(entry);
        bookingId = shown.bookingId();
        customerId = shown.customerId();
        amountMinor = shown.amount().amountMinor();
        currency = shown.amount().currency();
        status = shown.status();
        pspReference = shown.pspReference();
        reason = shown.reason();
        at = shown.at();
    }

    /**
     * The entry as a row can hold it. References and reasons come from the payment provider, whose
     * lengths we do not control: an over-long one is shortened rather than left to stop the
     * projection for good.
     */
    static PaymentHistoryEntry clipped(PaymentHistoryEntry entry) {
        return new PaymentHistoryEntry(
                entry.paymentId(),
                entry.bookingId(),
                entry.customerId(),
                entry.kind(),
                entry.amount(),
                entry.status(),
                clip(entry.pspReference(), REFERENCE_LENGTH),
                clip(entry.reason(), REASON_LENGTH),
                entry.at());
    }

    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
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
