package dev.cinema.query.analytics;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * Which film a screening shows and at which cinema (neither ever changes): how a sale or a refund
 * finds its groups. Each projection that needs it maps its own table.
 */
@MappedSuperclass
abstract class ScreeningRow {

    @Id
    @Column(name = "screening_id", length = 64)
    String id;

    @Column(name = "film_id", nullable = false, length = 64)
    String filmId;

    @Column(name = "cinema_id", nullable = false, length = 64)
    String cinemaId;

    protected ScreeningRow() {}

    ScreeningRow(String id) {
        this.id = id;
    }
}
