package dev.cinema.query.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A cinema's name and time zone: alerts give times in the cinema's zone. */
@Entity
@Table(name = "alert_cinema", schema = "read_model")
class AlertCinemaRow {

    @Id
    @Column(name = "cinema_id", length = 64)
    String id;

    @Column(name = "name", nullable = false, length = 100)
    String name;

    @Column(name = "time_zone", nullable = false, length = 64)
    String timeZone;

    protected AlertCinemaRow() {}

    AlertCinemaRow(String id) {
        this.id = id;
    }
}
