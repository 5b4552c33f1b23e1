package dev.cinema.query.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One customer's review of one film, as the public list shows it when it is posted and not hidden.
 * Kept when deleted (without its text), so that a hidden review stays hidden when written again.
 */
@Entity
@Table(name = "film_review", schema = "read_model")
class ReviewRow {

    @Id
    @Column(name = "review_id", length = 64)
    String id;

    @Column(name = "film_id", nullable = false, length = 64)
    String filmId;

    @Column(name = "customer_id", nullable = false, length = 64)
    String customerId;

    @Column(name = "rating", nullable = false)
    int rating;

    @Column(name = "review_text", length = 2000)
    String text;

    /** When the review was written, or last changed by its author. */
    @Column(name = "written_at", nullable = false)
    Instant writtenAt;

    @Column(name = "posted", nullable = false)
    boolean posted;

    @Column(name = "hidden", nullable = false)
    boolean hidden;

    /** Sequence number of the last event of the review folded into this row. */
    @Column(name = "version", nullable = false)
    long version;

    protected ReviewRow() {}

    ReviewRow(String id) {
        this.id = id;
        this.version = -1;
    }
}
