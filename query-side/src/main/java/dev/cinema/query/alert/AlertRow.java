package dev.cinema.query.alert;

import dev.cinema.contracts.alert.AlertDetails;
import dev.cinema.contracts.alert.AlertType;
import dev.cinema.contracts.common.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One alert of a customer's inbox, as its event raised it: the facts its text is written from
 * (the text itself is written when it is read), and when it was read.
 */
@Entity
@Table(name = "alert", schema = "read_model")
class AlertRow {

    @Id
    @Column(name = "alert_id", length = 64)
    String id;

    @Column(name = "customer_id", nullable = false, length = 64)
    String customerId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "alert_type", nullable = false, length = 32)
    AlertType type;

    /** When what the alert tells happened (the triggering event's instant). */
    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;

    /** When the customer read it (the instant of its AlertReadEvent); null while unread. */
    @Column(name = "read_at")
    Instant readAt;

    @Column(name = "booking_id", length = 64)
    String bookingId;

    @Column(name = "screening_id", length = 64)
    String screeningId;

    @Column(name = "film_id", length = 64)
    String filmId;

    @Column(name = "payment_id", length = 64)
    String paymentId;

    @Column(name = "refund_id", length = 128)
    String refundId;

    @Column(name = "amount_minor")
    Long amountMinor;

    @Column(name = "currency", length = 8)
    String currency;

    /** Seat labels, comma separated; empty when none. */
    @Column(name = "seats", nullable = false, length = 400)
    String seats;

    @Column(name = "expires_at")
    Instant expiresAt;

    @Column(name = "starts_at")
    Instant startsAt;

    @Column(name = "retry_at")
    Instant retryAt;

    @Column(name = "reason", length = 200)
    String reason;

    protected AlertRow() {}

    AlertRow(String id) {
        this.id = id;
    }

    void details(AlertDetails details) {
        amountMinor = details.amount() == null ? null : details.amount().amountMinor();
        currency = details.amount() == null ? null : details.amount().currency();
        seats = String.join(",", details.seats());
        expiresAt = details.expiresAt();
        startsAt = details.startsAt();
        retryAt = details.retryAt();
        reason = details.reason() == null || details.reason().length() <= 200
                ? details.reason()
                : details.reason().substring(0, 200);
    }

    AlertDetails details() {
        return new AlertDetails(
                amountMinor == null ? null : Money.of(amountMinor, currency),
                seats == null || seats.isEmpty() ? List.of() : Arrays.asList(seats.split(",")),
                expiresAt,
                startsAt,
                retryAt,
                reason);
    }
}
