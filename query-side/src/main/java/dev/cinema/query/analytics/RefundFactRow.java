package dev.cinema.query.analytics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One refund in its latest state: the seats it returns, its amount, and the instant it is counted
 * at (its completion once completed, its request until then) with that instant's local day in the
 * cinema's zone. One row per refund, keyed by it; {@code version} is the sequence number of the
 * refund's last event folded, so a repeated or older event (a failure delivered again after the
 * completion) is skipped.
 */
@Entity
@Table(name = "analytics_refund", schema = "read_model")
class RefundFactRow {

    enum Status {
        REQUESTED,
        APPROVED,
        FAILED,
        REJECTED,
        COMPLETED
    }

    @Id
    @Column(name = "refund_id", length = 128)
    String refundId;

    @Column(name = "booking_id", nullable = false, length = 64)
    String bookingId;

    @Column(name = "film_id", length = 64)
    String filmId;

    @Column(name = "cinema_id", length = 64)
    String cinemaId;

    @Column(name = "location_id", length = 64)
    String locationId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "status", nullable = false, length = 16)
    Status status;

    @Column(name = "seats", nullable = false)
    int seats;

    @Column(name = "amount_minor", nullable = false)
    long amountMinor;

    @Column(name = "currency", nullable = false, length = 8)
    String currency;

    /** Completed: when; otherwise when it was requested. */
    @Column(name = "refund_at", nullable = false)
    Instant refundAt;

    /** The local day of {@link #refundAt} in the cinema's zone. */
    @Column(name = "refund_day", nullable = false)
    LocalDate refundDay;

    @Column(name = "version", nullable = false)
    long version;

    protected RefundFactRow() {}

    RefundFactRow(String refundId) {
        this.refundId = refundId;
    }
}
