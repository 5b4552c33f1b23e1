package dev.cinema.command.review;

import dev.cinema.command.booking.FilmViewings;
import dev.cinema.command.catalogue.lookup.CatalogueLookup;
import dev.cinema.command.catalogue.lookup.LookupEntry;
import dev.cinema.contracts.review.DeleteReviewCommand;
import dev.cinema.contracts.review.HideReviewCommand;
import dev.cinema.contracts.review.PostReviewCommand;
import dev.cinema.contracts.review.ReviewId;
import dev.cinema.contracts.review.UnhideReviewCommand;
import dev.cinema.platform.refusal.Refusal;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Reviews span aggregates: the film must be in the catalogue, and the customer must have seen it
 * (a paid booking for one of its screenings that has started), which the command side's booking
 * index and screen slots say, both written in the same transactions as the events they follow.
 * Staff hide and unhide reviews here too.
 */
@Component
class ReviewingFilms {

    private final Repository<Review> reviews;
    private final CatalogueLookup catalogue;
    private final FilmViewings viewings;
    private final Clock clock;

    ReviewingFilms(Repository<Review> reviews, CatalogueLookup catalogue, FilmViewings viewings, Clock clock) {
        this.reviews = reviews;
        this.catalogue = catalogue;
        this.viewings = viewings;
        this.clock = clock;
    }

    /** The review as it stands after a post, and whether it was written now (there was none before). */
    record Posted(ReviewId reviewId, boolean created, int rating, String text) {}

    @CommandHandler
    Posted handle(PostReviewCommand command) throws Exception {
        requireDerived(command.reviewId(), ReviewId.of(command.customerId(), command.filmId()));
        catalogue.requireListed(LookupEntry.Kind.FILM, command.filmId().value());
        ReviewRules.requireViewer(viewings.of(command.customerId(), command.filmId()), clock.instant());
        var review = reviews.loadOrCreate(command.reviewId().value(), Review::new);
        boolean created = review.invoke(r ->
                r.post(command.reviewId(), command.filmId(), command.customerId(), command.rating(), command.text()));
        Review.Written written = review.invoke(Review::written);
        return new Posted(command.reviewId(), created, written.rating(), written.text());
    }

    /** The author may always withdraw their review; no booking is needed for that. */
    @CommandHandler
    void handle(DeleteReviewCommand command) {
        requireDerived(command.reviewId(), ReviewId.of(command.customerId(), command.filmId()));
        catalogue.requireListed(LookupEntry.Kind.FILM, command.filmId().value());
        load(command.reviewId()).execute(Review::delete);
    }

    @CommandHandler
    void handle(HideReviewCommand command) {
        load(command.reviewId()).execute(review -> review.hide(command.reason()));
    }

    @CommandHandler
    void handle(UnhideReviewCommand command) {
        load(command.reviewId()).execute(review -> review.unhide(command.reason()));
    }

    private org.axonframework.modelling.command.Aggregate<Review> load(ReviewId reviewId) {
        try {
            return reviews.load(reviewId.value());
        } catch (AggregateNotFoundException e) {
            throw new Refusal("review-not-found", null, "No review " + reviewId);
        }
    }

    /** One review per customer and film holds only if every door names it by the derived id. */
    private static void requireDerived(ReviewId given, ReviewId derived) {
        if (!given.equals(derived)) {
            throw new IllegalArgumentException("A customer's review of a film is " + derived + ", not " + given);
        }
    }
}
