package dev.cinema.command.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Which payment an {@code Idempotency-Key} of a customer stands for, and a fingerprint of the
 * request it came with: the same key again answers the same payment; the same key with another
 * request is refused. Unique per customer and key, so two racing requests cannot both start one.
 */
@Entity
@Table(name = "payment_request")
class PaymentRequestRecord {

    @Id
    @Column(name = "payment_id", length = 64)
    private String paymentId;

    @Column(name = "customer_id", nullable = false, length = 64)
    private String customerId;

    @Column(name = "idempotency_key", nullable = false, length = 100)
    private String idempotencyKey;

    @Column(name = "fingerprint", nullable = false, length = 64)
    private String fingerprint;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PaymentRequestRecord() {}

    PaymentRequestRecord(
            String paymentId, String customerId, String idempotencyKey, String fingerprint, Instant createdAt) {
        this.paymentId = paymentId;
        this.customerId = customerId;
        this.idempotencyKey = idempotencyKey;
        this.fingerprint = fingerprint;
        this.createdAt = createdAt;
    }

    String paymentId() {
        return paymentId;
    }

    String fingerprint() {
        return fingerprint;
    }
}
