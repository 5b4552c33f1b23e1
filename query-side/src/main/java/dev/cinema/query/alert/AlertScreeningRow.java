package dev.cinema.query.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Which film a screening shows, where and when, and why it was cancelled: joined to alerts when they are read. */
@Entity
@Table(name = "alert_screening", schema = "read_model")
class AlertScreeningRow {

    @Id
    @Column(name = "screening_id", length = 64)
    String id;

    @Column(name = "film_id", nullable = false, length = 64)
    String filmId;

    @Column(name = "cinema_id", nullable = false, length = 64)
    String cinemaId;

    @Column(name = "starts_at", nullable = false)
    Instant startsAt;

    /** The cinema's reason, once it cancelled the screening. */
    @Column(name = "cancellation_reason", length = 500)
    String cancellationReason;

    protected AlertScreeningRow() {}

    AlertScreeningRow(String id) {
        this.id = id;
    }
}
