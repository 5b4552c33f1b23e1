package dev.cinema.query.listing;

import dev.cinema.contracts.catalogue.screen.ScreenFormat;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "listing_screen", schema = "read_model")
class ScreenRow {

    @Id
    @Column(name = "screen_id", length = 64)
    String id;

    @Column(name = "cinema_id", nullable = false, length = 64)
    String cinemaId;

    @Column(name = "name", nullable = false, length = 60)
    String name;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "format", nullable = false, length = 16)
    ScreenFormat format;

    @Column(name = "seat_count", nullable = false)
    int seatCount;

    @Column(name = "retired", nullable = false)
    boolean retired;

    /** The seat layout as JSON; null for a screen folded before the listings kept layouts (V180). */
    @Column(name = "layout_json", length = 262144)
    String layoutJson;

    protected ScreenRow() {}

    ScreenRow(String id) {
        this.id = id;
    }
}
