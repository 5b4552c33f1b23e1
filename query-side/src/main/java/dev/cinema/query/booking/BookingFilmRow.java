package dev.cinema.query.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A film's title, as bookings show it. */
@Entity
@Table(name = "booking_film", schema = "read_model")
class BookingFilmRow {

    @Id
    @Column(name = "film_id", length = 64)
    String id;

    @Column(name = "title", nullable = false, length = 200)
    String title;

    protected BookingFilmRow() {}

    BookingFilmRow(String id) {
        this.id = id;
    }
}
