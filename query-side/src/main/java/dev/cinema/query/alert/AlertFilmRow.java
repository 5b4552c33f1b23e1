package dev.cinema.query.alert;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A film's title, as alerts name it. */
@Entity
@Table(name = "alert_film", schema = "read_model")
class AlertFilmRow {

    @Id
    @Column(name = "film_id", length = 64)
    String id;

    @Column(name = "title", nullable = false, length = 200)
    String title;

    protected AlertFilmRow() {}

    AlertFilmRow(String id) {
        this.id = id;
    }
}
