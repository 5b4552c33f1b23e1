package dev.cinema.query.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Which film a screening shows, where and when: joined to bookings when they are read. */
@Entity
@Table(name = "booking_screening", schema = "read_model")
class BookingScreeningRow {

    @Id
    @Column(name = "screening_id", length = 64)
    String id;

    @Column(name = "film_id", nullable = false, length = 64)
    String filmId;

    @Column(name = "cinema_id", nullable = false, length = 64)
    String cinemaId;

    @Column(name = "starts_at", nullable = false)
    Instant startsAt;

    /** Cancelled by the cinema: its bookings say so, whatever state the settlement left them in. */
    @Column(name = "cancelled", nullable = false)
    boolean cancelled;

    protected BookingScreeningRow() {}

    BookingScreeningRow(String id) {
        this.id = id;
    }
}
