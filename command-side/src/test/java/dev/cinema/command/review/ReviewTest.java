package dev.cinema.command.review;

import static dev.cinema.command.Refusals.refusal;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.cinema.command.booking.FilmViewings;
import dev.cinema.command.booking.FilmViewings.Viewing;
import dev.cinema.command.catalogue.lookup.CatalogueLookup;
import dev.cinema.command.catalogue.lookup.LookupEntry;
import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingStatus;
import dev.cinema.contracts.catalogue.film.FilmId;
import dev.cinema.contracts.review.DeleteReviewCommand;
import dev.cinema.contracts.review.HideReviewCommand;
import dev.cinema.contracts.review.PostReviewCommand;
import dev.cinema.contracts.review.ReviewDeletedEvent;
import dev.cinema.contracts.review.ReviewHiddenEvent;
import dev.cinema.contracts.review.ReviewId;
import dev.cinema.contracts.review.ReviewPostedEvent;
import dev.cinema.contracts.review.ReviewRevisedEvent;
import dev.cinema.contracts.review.ReviewUnhiddenEvent;
import dev.cinema.contracts.review.UnhideReviewCommand;
import dev.cinema.platform.refusal.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reviews through {@link ReviewingFilms}, the way the command bus reaches them: the catalogue and
 * the customer's bookings of the film are test doubles of the command-side lookups, the clock is
 * fixed, the review is event-sourced by the fixture.
 */
class ReviewTest {

    private static final Instant NOW = Instant.parse("2030-05-01T20:00:00Z");
    private static final AccountId CUSTOMER = AccountId.of("customer-1");
    private static final FilmId FILM = FilmId.of("film-1");
    private static final ReviewId REVIEW = ReviewId.of(CUSTOMER, FILM);

    private static final ReviewPostedEvent POSTED = new ReviewPostedEvent(REVIEW, FILM, CUSTOMER, 4, "Gripping.");
    private static final ReviewDeletedEvent DELETED = new ReviewDeletedEvent(REVIEW, FILM, CUSTOMER);
    private static final ReviewHiddenEvent HIDDEN = new ReviewHiddenEvent(REVIEW, FILM, "Spoiler");

    private final CatalogueLookup catalogue = mock(CatalogueLookup.class);
    private final FilmViewings viewings = mock(FilmViewings.class);
    private FixtureConfiguration<Review> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Review.class);
        fixture.registerAnnotatedCommandHandler(
                new ReviewingFilms(fixture.getRepository(), catalogue, viewings, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private void bookings(Viewing... bookings) {
        when(viewings.of(CUSTOMER, FILM)).thenReturn(List.of(bookings));
    }

    private static Viewing booking(BookingStatus status, Instant startsAt) {
        return new Viewing("booking-" + status + "-" + startsAt, status, startsAt, false);
    }

    private static Viewing seen() {
        return booking(BookingStatus.CONFIRMED, NOW.minus(Duration.ofMinutes(30)));
    }

    private static PostReviewCommand post(int rating, String text) {
        return new PostReviewCommand(REVIEW, FILM, CUSTOMER, rating, text);
    }

    // ---------------------------------------------------------------- who may review

    @Test
    void aCustomerWithoutABookingOfTheFilmMayNotReviewIt() {
        bookings();

        fixture.givenNoPriorActivity()
                .when(post(4, "Gripping."))
                .expectException(refusal("no-confirmed-booking", null))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = BookingStatus.class,
            names = {"AWAITING_PAYMENT", "CANCELLED", "EXPIRED"})
    void aBookingThatWasNeverPaidDoesNotMakeAViewer(BookingStatus status) {
        bookings(booking(status, NOW.minus(Duration.ofHours(1))));

        fixture.givenNoPriorActivity()
                .when(post(4, "Gripping."))
                .expectException(refusal("no-confirmed-booking", null))
                .expectNoEvents();
    }

    @Test
    void aBookingRefundedInFullDoesNotMakeAViewer() {
        bookings(booking(BookingStatus.REFUNDED, NOW.minus(Duration.ofHours(1))));

        fixture.givenNoPriorActivity()
                .when(post(4, "Gripping."))
                .expectException(refusal("no-confirmed-booking", null))
                .expectNoEvents();
    }

    @Test
    void aPaidBookingOfACancelledScreeningDoesNotMakeAViewer() {
        bookings(new Viewing("booking-1", BookingStatus.CONFIRMED, NOW.minus(Duration.ofHours(1)), true));

        fixture.givenNoPriorActivity()
                .when(post(4, "Gripping."))
                .expectException(refusal("no-confirmed-booking", null))
                .expectNoEvents();
    }

    @Test
    void aPaidBookingOfAScreeningThatHasNotStartedIsRefused() {
        bookings(booking(BookingStatus.CONFIRMED, NOW.plus(Duration.ofHours(2))));

        fixture.givenNoPriorActivity()
                .when(post(4, "Gripping."))
                .expectException(refusal("screening-not-started", null))
                .expectNoEvents();
    }

    @Test
    void aViewerWhoseScreeningHasStartedReviewsTheFilm() {
        bookings(seen());

        fixture.givenNoPriorActivity()
                .when(post(4, "  Gripping.  "))
                .expectEvents(POSTED)
                .expectResultMessagePayload(new ReviewingFilms.Posted(REVIEW, true, 4, "Gripping."));
    }

    @Test
    void aScreeningStartingThisVeryInstantHasStarted() {
        bookings(booking(BookingStatus.CONFIRMED, NOW));

        fixture.givenNoPriorActivity().when(post(4, "Gripping.")).expectEvents(POSTED);
    }

    @Test
    void oneStartedPaidBookingIsEnoughWhateverBecameOfTheOthers() {
        bookings(
                booking(BookingStatus.REFUNDED, NOW.minus(Duration.ofDays(2))),
                booking(BookingStatus.CONFIRMED, NOW.plus(Duration.ofDays(2))),
                booking(BookingStatus.EXPIRED, NOW.minus(Duration.ofDays(1))),
                booking(BookingStatus.CONFIRMED, NOW.minus(Duration.ofMinutes(5))));

        fixture.givenNoPriorActivity().when(post(4, "Gripping.")).expectEvents(POSTED);
    }

    @Test
    void aFilmNotInTheCatalogueCannotBeReviewed() {
        bookings(seen());
        when(catalogue.requireListed(LookupEntry.Kind.FILM, FILM.value()))
                .thenThrow(new Refusal("film-not-found", null, "No film " + FILM));

        fixture.givenNoPriorActivity()
                .when(post(4, "Gripping."))
                .expectException(refusal("film-not-found", null))
                .expectNoEvents();
    }

    @Test
    void aReviewCanOnlyBeTheCustomersOwnOfThatFilm() {
        bookings(seen());

        fixture.givenNoPriorActivity()
                .when(new PostReviewCommand(
                        ReviewId.of(AccountId.of("someone-else"), FILM), FILM, CUSTOMER, 4, "Gripping."))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- what a review says

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {Integer.MIN_VALUE, 0, 6})
    void aRatingOutsideOneToFiveIsRefused(int rating) {
        bookings(seen());

        fixture.givenNoPriorActivity()
                .when(post(rating, "Gripping."))
                .expectException(refusal("invalid-rating", "rating"))
                .expectNoEvents();
    }

    @Test
    void aTextOfAtMostTwoThousandCharactersIsKeptAsWrittenMarkupAndAll() {
        bookings(seen());
        String text = "<b>Loud</b> & \"proud\"\n" + "x".repeat(Review.MAX_TEXT - 22);

        fixture.givenNoPriorActivity()
                .when(post(5, text))
                .expectEvents(new ReviewPostedEvent(REVIEW, FILM, CUSTOMER, 5, text));
    }

    @Test
    void aLongerTextIsRefused() {
        bookings(seen());

        fixture.givenNoPriorActivity()
                .when(post(5, "x".repeat(Review.MAX_TEXT + 1)))
                .expectException(refusal("too-long", "text"))
                .expectNoEvents();
    }

    @Test
    void aRatingAloneIsAReview() {
        bookings(seen());

        fixture.givenNoPriorActivity()
                .when(post(3, "   "))
                .expectEvents(new ReviewPostedEvent(REVIEW, FILM, CUSTOMER, 3, null));
    }

    // ---------------------------------------------------------------- one review per customer and film

    @Test
    void aSecondReviewOfTheFilmReplacesTheFirst() {
        bookings(seen());

        fixture.given(POSTED)
                .when(post(2, "It grew on me less."))
                .expectEvents(new ReviewRevisedEvent(REVIEW, FILM, CUSTOMER, 2, "It grew on me less."))
                .expectResultMessagePayload(new ReviewingFilms.Posted(REVIEW, false, 2, "It grew on me less."));
    }

    @Test
    void theSameReviewAgainRecordsNothing() {
        bookings(seen());

        fixture.given(POSTED)
                .when(post(4, " Gripping. "))
                .expectNoEvents()
                .expectResultMessagePayload(new ReviewingFilms.Posted(REVIEW, false, 4, "Gripping."));
    }

    @Test
    void replacingAReviewNeedsTheBookingStill() {
        bookings(booking(BookingStatus.REFUNDED, NOW.minus(Duration.ofHours(1))));

        fixture.given(POSTED)
                .when(post(1, "Changed my mind."))
                .expectException(refusal("no-confirmed-booking", null))
                .expectNoEvents();
    }

    @Test
    void theAuthorWithdrawsTheirReview() {
        fixture.given(POSTED)
                .when(new DeleteReviewCommand(REVIEW, FILM, CUSTOMER))
                .expectEvents(DELETED);
    }

    @Test
    void withdrawingAReviewThereIsNotIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new DeleteReviewCommand(REVIEW, FILM, CUSTOMER))
                .expectException(refusal("review-not-found", null))
                .expectNoEvents();
        fixture.given(POSTED, DELETED)
                .when(new DeleteReviewCommand(REVIEW, FILM, CUSTOMER))
                .expectException(refusal("review-not-found", null))
                .expectNoEvents();
    }

    @Test
    void aWithdrawnReviewMayBeWrittenAgain() {
        bookings(seen());

        fixture.given(POSTED, DELETED)
                .when(post(5, "Better the second time."))
                .expectEvents(new ReviewPostedEvent(REVIEW, FILM, CUSTOMER, 5, "Better the second time."))
                .expectResultMessagePayload(new ReviewingFilms.Posted(REVIEW, true, 5, "Better the second time."));
    }

    // ---------------------------------------------------------------- staff

    @Test
    void staffHideAReviewForAReason() {
        fixture.given(POSTED).when(new HideReviewCommand(REVIEW, " Spoiler ")).expectEvents(HIDDEN);
    }

    @Test
    void hidingAHiddenReviewRecordsNothing() {
        fixture.given(POSTED, HIDDEN)
                .when(new HideReviewCommand(REVIEW, "Again"))
                .expectNoEvents();
    }

    @Test
    void hidingNeedsAReason() {
        fixture.given(POSTED)
                .when(new HideReviewCommand(REVIEW, " "))
                .expectException(refusal("blank", "reason"))
                .expectNoEvents();
    }

    @Test
    void staffShowAHiddenReviewAgain() {
        fixture.given(POSTED, HIDDEN)
                .when(new UnhideReviewCommand(REVIEW, "Edited"))
                .expectEvents(new ReviewUnhiddenEvent(REVIEW, FILM, "Edited"));
    }

    @Test
    void unhidingAVisibleReviewRecordsNothing() {
        fixture.given(POSTED).when(new UnhideReviewCommand(REVIEW, "Fine")).expectNoEvents();
    }

    @Test
    void aHiddenReviewStaysHiddenWhenItIsWithdrawnAndWrittenAgain() {
        bookings(seen());

        fixture.given(POSTED, HIDDEN, DELETED)
                .when(post(5, "Spoiler-free now."))
                .expectEvents(new ReviewPostedEvent(REVIEW, FILM, CUSTOMER, 5, "Spoiler-free now."));
        // Still hidden: only unhiding shows it, and hiding it again changes nothing.
        fixture.given(POSTED, HIDDEN, DELETED, new ReviewPostedEvent(REVIEW, FILM, CUSTOMER, 5, "Spoiler-free now."))
                .when(new HideReviewCommand(REVIEW, "Again"))
                .expectNoEvents();
    }

    @Test
    void anUnknownOrWithdrawnReviewCannotBeHidden() {
        fixture.givenNoPriorActivity()
                .when(new HideReviewCommand(REVIEW, "Spoiler"))
                .expectException(refusal("review-not-found", null))
                .expectNoEvents();
        fixture.given(POSTED, DELETED)
                .when(new UnhideReviewCommand(REVIEW, "Spoiler"))
                .expectException(refusal("review-not-found", null))
                .expectNoEvents();
    }
}
