package dev.cinema.query.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One entry of a payment's history: its PAYMENT entry (entry id {@value #PAYMENT_ENTRY}), or one
 * REFUND entry per refund event (entry id: that event's id). What a fold is keyed by, so that a
 * second delivery of an event finds the first one's row, and two refunds of one payment are two
 * rows.
 */
@Embeddable
class PaymentHistoryKey implements Serializable {

    @Column(name = "payment_id", length = 64)
    String paymentId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "kind", length = 8)
    EntryKind kind;

    @Column(name = "entry_id", length = 64)
    String entryId;

    static final String PAYMENT_ENTRY = "payment";

    protected PaymentHistoryKey() {}

    PaymentHistoryKey(String paymentId, EntryKind kind, String entryId) {
        this.paymentId = paymentId;
        this.kind = kind;
        this.entryId = entryId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PaymentHistoryKey key
                && Objects.equals(paymentId, key.paymentId)
                && kind == key.kind
                && Objects.equals(entryId, key.entryId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(paymentId, kind, entryId);
    }
}
