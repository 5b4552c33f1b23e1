package dev.cinema.command.review;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.cinema.command.catalogue.Text;
import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.catalogue.film.FilmId;
import dev.cinema.contracts.review.ReviewDeletedEvent;
import dev.cinema.contracts.review.ReviewHiddenEvent;
import dev.cinema.contracts.review.ReviewId;
import dev.cinema.contracts.review.ReviewPostedEvent;
import dev.cinema.contracts.review.ReviewRevisedEvent;
import dev.cinema.contracts.review.ReviewUnhiddenEvent;
import dev.cinema.platform.refusal.Refusal;
import java.util.Objects;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One customer's review of one film. Its id is derived from the two ({@link ReviewId#of}), so a
 * second review of the same film is this aggregate again: it replaces the first. Deleted, it may
 * be written again. Hidden by staff, it stays hidden whatever its author does until staff unhide
 * it, so that deleting and writing it again cannot undo a moderator's decision.
 */
@Aggregate
class Review {

    static final int MAX_TEXT = 2000;
    static final int MAX_REASON = 500;

    @AggregateIdentifier
    private ReviewId reviewId;

    private FilmId filmId;
    private AccountId customerId;
    private boolean posted;
    private int rating;
    private String text;
    private boolean hidden;

    protected Review() {}

    /**
     * Writes the review, or replaces the one standing; answers true when there was none. The same
     * rating and text again change nothing and record nothing. The text is plain text, kept as
     * written (trimmed); nothing in it is interpreted.
     */
    boolean post(ReviewId id, FilmId film, AccountId customer, int newRating, String newText) {
        int checkedRating = ReviewRules.rating(newRating);
        String checkedText = Text.optional(newText, "text", MAX_TEXT);
        if (!posted) {
            apply(new ReviewPostedEvent(id, film, customer, checkedRating, checkedText));
            return true;
        }
        if (checkedRating != rating || !Objects.equals(checkedText, text)) {
            apply(new ReviewRevisedEvent(reviewId, filmId, customerId, checkedRating, checkedText));
        }
        return false;
    }

    /** The rating and text as they stand. */
    Written written() {
        return new Written(reviewId, rating, text);
    }

    record Written(ReviewId reviewId, int rating, String text) {}

    void delete() {
        requirePosted();
        apply(new ReviewDeletedEvent(reviewId, filmId, customerId));
    }

    void hide(String reason) {
        String checked = Text.required(reason, "reason", MAX_REASON);
        requirePosted();
        if (!hidden) {
            apply(new ReviewHiddenEvent(reviewId, filmId, checked));
        }
    }

    void unhide(String reason) {
        String checked = Text.required(reason, "reason", MAX_REASON);
        requirePosted();
        if (hidden) {
            apply(new ReviewUnhiddenEvent(reviewId, filmId, checked));
        }
    }

    private void requirePosted() {
        if (!posted) {
            throw new Refusal("review-not-found", null, "No review " + reviewId);
        }
    }

    @EventSourcingHandler
    void on(ReviewPostedEvent event) {
        reviewId = event.reviewId();
        filmId = event.filmId();
        customerId = event.customerId();
        posted = true;
        rating = event.rating();
        text = event.text();
    }

    @EventSourcingHandler
    void on(ReviewRevisedEvent event) {
        rating = event.rating();
        text = event.text();
    }

    @EventSourcingHandler
    void on(ReviewDeletedEvent event) {
        posted = false;
        rating = 0;
        text = null;
    }

    @EventSourcingHandler
    void on(ReviewHiddenEvent event) {
        hidden = true;
    }

    @EventSourcingHandler
    void on(ReviewUnhiddenEvent event) {
        hidden = false;
    }
}
