package dev.cinema.query.analytics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One booking, a sale once it is paid ({@code soldAt} set): its seats and total as last placed or
 * changed, and, from its confirmation, the instant and local day of the sale and the film, cinema
 * and location it is counted under. One row per booking, keyed by it, whatever is delivered how
 * often; {@code version} is the sequence number of the booking's last event folded. Reports count
 * and sum these rows when asked.
 */
@Entity
@Table(name = "analytics_sale", schema = "read_model")
class SaleRow {

    @Id
    @Column(name = "booking_id", length = 64)
    String bookingId;

    @Column(name = "screening_id", nullable = false, length = 64)
    String screeningId;

    @Column(name = "film_id", length = 64)
    String filmId;

    @Column(name = "cinema_id", length = 64)
    String cinemaId;

    @Column(name = "location_id", length = 64)
    String locationId;

    @Column(name = "seats", nullable = false)
    int seats;

    @Column(name = "amount_minor", nullable = false)
    long amountMinor;

    @Column(name = "currency", nullable = false, length = 8)
    String currency;

    /** When the booking was paid (its confirmation); null while it is not (and for good if it never is). */
    @Column(name = "sold_at")
    Instant soldAt;

    /** The local day of {@link #soldAt} in the cinema's zone. */
    @Column(name = "sale_day")
    LocalDate saleDay;

    @Column(name = "version", nullable = false)
    long version;

    protected SaleRow() {}

    SaleRow(String bookingId) {
        this.bookingId = bookingId;
    }
}
