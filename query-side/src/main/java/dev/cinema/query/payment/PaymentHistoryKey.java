package dev.cinema.query.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A payment's entry of one kind: what an event's fold is keyed by, so a second delivery finds the first's row. */
@Embeddable
class PaymentHistoryKey implements Serializable {

    @Column(name = "payment_id", length = 64)
    String paymentId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "kind", length = 8)
    EntryKind kind;

    protected PaymentHistoryKey() {
    }

    PaymentHistoryKey(String paymentId, EntryKind kind) {
        this.paymentId = paymentId;
        this.kind = kind;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PaymentHistoryKey key && Objects.equals(paymentId, key.paymentId) && kind == key.kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(paymentId, kind);
    }
}
