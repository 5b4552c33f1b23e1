package dev.cinema.query.listing;

import dev.cinema.contracts.catalogue.film.AgeRating;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "listing_film", schema = "read_model")
class FilmRow {

    @Id
    @Column(name = "film_id", length = 64)
    String id;

    @Column(name = "title", nullable = false, length = 200)
    String title;

    @Column(name = "runtime_minutes", nullable = false)
    int runtimeMinutes;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "age_rating", nullable = false, length = 8)
    AgeRating ageRating;

    /** Comma-separated genre names, in enum order. */
    @Column(name = "genres", nullable = false, length = 200)
    String genres;

    @Column(name = "release_date", nullable = false)
    LocalDate releaseDate;

    @Column(name = "synopsis", length = 4000)
    String synopsis;

    @Column(name = "retired", nullable = false)
    boolean retired;

    protected FilmRow() {}

    FilmRow(String id) {
        this.id = id;
    }
}
