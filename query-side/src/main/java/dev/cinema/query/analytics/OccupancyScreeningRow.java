package dev.cinema.query.analytics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One screening: its film, cinema and location, its start and the local day of the start in the
 * cinema's zone, its capacity (the sellable seats of its layout), the seats sold now (recounted
 * from its {@link OccupancySeatRow}s after every change, never moved up or down) and whether it was
 * cancelled. {@code version} is the sequence number, in the screening's own stream, of the last
 * event folded: an event at or below it is skipped.
 */
@Entity
@Table(name = "analytics_occupancy_screening", schema = "read_model")
class OccupancyScreeningRow {

    @Id
    @Column(name = "screening_id", length = 64)
    String id;

    @Column(name = "film_id", nullable = false, length = 64)
    String filmId;

    @Column(name = "cinema_id", nullable = false, length = 64)
    String cinemaId;

    @Column(name = "location_id", length = 64)
    String locationId;

    @Column(name = "starts_at", nullable = false)
    Instant startsAt;

    @Column(name = "start_day", nullable = false)
    LocalDate startDay;

    @Column(name = "capacity", nullable = false)
    int capacity;

    @Column(name = "seats_sold", nullable = false)
    int seatsSold;

    @Column(name = "cancelled", nullable = false)
    boolean cancelled;

    @Column(name = "version", nullable = false)
    long version;

    protected OccupancyScreeningRow() {}

    OccupancyScreeningRow(String id) {
        this.id = id;
    }
}
