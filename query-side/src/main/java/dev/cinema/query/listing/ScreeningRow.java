package dev.cinema.query.listing;

import dev.cinema.contracts.catalogue.screen.ScreenFormat;
import dev.cinema.contracts.listing.ScreeningStatus;
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
 * A screening with everything a listing shows, denormalised: film title, cinema and screen names,
 * the start in the cinema's zone (and its local date, which "screenings on a day" filters by).
 */
@Entity
@Table(name = "listing_screening", schema = "read_model")
class ScreeningRow {

    @Id
    @Column(name = "screening_id", length = 64)
    String id;

    @Column(name = "film_id", nullable = false, length = 64)
    String filmId;

    @Column(name = "film_title", nullable = false, length = 200)
    String filmTitle;

    @Column(name = "cinema_id", nullable = false, length = 64)
    String cinemaId;

    @Column(name = "cinema_name", nullable = false, length = 100)
    String cinemaName;

    @Column(name = "location_id", nullable = false, length = 64)
    String locationId;

    @Column(name = "screen_id", nullable = false, length = 64)
    String screenId;

    @Column(name = "screen_name", nullable = false, length = 60)
    String screenName;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "format", nullable = false, length = 16)
    ScreenFormat format;

    @Column(name = "starts_at", nullable = false)
    Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    Instant endsAt;

    @Column(name = "time_zone", nullable = false, length = 64)
    String timeZone;

    @Column(name = "local_date", nullable = false)
    LocalDate localDate;

    /** ISO local date-time of the start in the cinema's zone, e.g. 2026-05-01T18:30. */
    @Column(name = "local_start", nullable = false, length = 32)
    String localStart;

    /** The price list as JSON ({"STANDARD":{"amountMinor":1250,"currency":"GBP"},...}). */
    @Column(name = "prices_json", nullable = false, length = 2000)
    String pricesJson;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "status", nullable = false, length = 16)
    ScreeningStatus status;

    @Column(name = "total_seats", nullable = false)
    int totalSeats;

    @Column(name = "free_seats", nullable = false)
    int freeSeats;

    protected ScreeningRow() {}

    ScreeningRow(String id) {
        this.id = id;
    }
}
