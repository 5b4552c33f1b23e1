package dev.cinema.query.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A cinema's name and time zone, as bookings show them. */
@Entity
@Table(name = "booking_cinema", schema = "read_model")
class BookingCinemaRow {

    @Id
    @Column(name = "cinema_id", length = 64)
    String id;

    @Column(name = "name", nullable = false, length = 100)
    String name;

    @Column(name = "time_zone", nullable = false, length = 64)
    String timeZone;

    protected BookingCinemaRow() {}

    BookingCinemaRow(String id) {
        this.id = id;
    }
}
