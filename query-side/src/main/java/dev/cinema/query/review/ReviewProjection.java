package dev.cinema.query.review;

import dev.cinema.contracts.account.AccountRegisteredEvent;
import dev.cinema.contracts.review.ReviewDeletedEvent;
import dev.cinema.contracts.review.ReviewHiddenEvent;
import dev.cinema.contracts.review.ReviewId;
import dev.cinema.contracts.review.ReviewPostedEvent;
import dev.cinema.contracts.review.ReviewRevisedEvent;
import dev.cinema.contracts.review.ReviewUnhiddenEvent;
import dev.cinema.query.rebuild.Rebuildable;
import java.time.Instant;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Folds reviews into the public lists of each film, and keeps the names accounts registered with
 * to sign them (a copy of its own: never the e-mail). Averages are not kept: they are counted from
 * the visible reviews when read, so there is no running total for a second delivery to inflate.
 * Delivery is at least once: a review's events carry their sequence number in its stream, and an
 * event at or below the row's version was folded already and is skipped.
 */
@Component
@Rebuildable(
        name = "film-reviews",
        tables = {"film_review", "film_reviewer"})
@ProcessingGroup(ReviewProjection.NAME)
class ReviewProjection {

    static final String NAME = "query-film-reviews";

    private final ReviewRows reviews;
    private final ReviewerRows reviewers;

    ReviewProjection(ReviewRows reviews, ReviewerRows reviewers) {
        this.reviews = reviews;
        this.reviewers = reviewers;
    }

    @EventHandler
    void on(AccountRegisteredEvent event) {
        ReviewerRow row = reviewers
                .findById(event.accountId().value())
                .orElseGet(() -> new ReviewerRow(event.accountId().value()));
        row.displayName = event.displayName();
        reviewers.save(row);
    }

    @EventHandler
    void on(ReviewPostedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        fold(event.reviewId(), sequence, row -> {
            row.filmId = event.filmId().value();
            row.customerId = event.customerId().value();
            row.posted = true;
            row.rating = event.rating();
            row.text = event.text();
            row.writtenAt = at;
        });
    }

    @EventHandler
    void on(ReviewRevisedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        fold(event.reviewId(), sequence, row -> {
            row.rating = event.rating();
            row.text = event.text();
            row.writtenAt = at;
        });
    }

    /** The row stays, without its text, so that a hidden review stays hidden if it is written again. */
    @EventHandler
    void on(ReviewDeletedEvent event, @SequenceNumber long sequence) {
        fold(event.reviewId(), sequence, row -> {
            row.posted = false;
            row.text = null;
        });
    }

    @EventHandler
    void on(ReviewHiddenEvent event, @SequenceNumber long sequence) {
        fold(event.reviewId(), sequence, row -> row.hidden = true);
    }

    @EventHandler
    void on(ReviewUnhiddenEvent event, @SequenceNumber long sequence) {
        fold(event.reviewId(), sequence, row -> row.hidden = false);
    }

    /** A replay starts from empty tables. */
    @ResetHandler
    void reset() {
        reviews.deleteAllInBatch();
        reviewers.deleteAllInBatch();
    }

    /**
     * Applies a review's event unless an event at or after it in the review's stream was folded
     * already. A review's first event is always its posting, so only that one creates the row.
     */
    private void fold(ReviewId reviewId, long sequence, Consumer<ReviewRow> change) {
        ReviewRow row = reviews.findById(reviewId.value()).orElse(null);
        if (row == null) {
            if (sequence != 0) {
                throw new IllegalStateException("Review " + reviewId + " has no row for its event #" + sequence);
            }
            row = new ReviewRow(reviewId.value());
        }
        if (sequence <= row.version) {
            return;
        }
        change.accept(row);
        row.version = sequence;
        reviews.save(row);
    }
}
