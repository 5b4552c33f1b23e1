package dev.cinema.query.seatmap;

import dev.cinema.contracts.listing.ScreeningStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A screening's seat map, less its cells: status, prices and the position of the last event folded. */
@Entity
@Table(name = "seat_map", schema = "read_model")
class SeatMapStateRow {

    @Id
    @Column(name = "screening_id", length = 64)
    String screeningId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "status", nullable = false, length = 16)
    ScreeningStatus status;

    /** The price list as JSON ({"STANDARD":{"amountMinor":1250,"currency":"GBP"},...}). */
    @Column(name = "prices_json", nullable = false, length = 2000)
    String pricesJson;

    /** Sequence number, in its screening's stream, of the last event folded; one at or below it has been folded already. */
    @Column(name = "version", nullable = false)
    long version;

    protected SeatMapStateRow() {}

    SeatMapStateRow(String screeningId) {
        this.screeningId = screeningId;
    }
}
