package dev.cinema.command.review;

import static dev.cinema.command.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.cinema.command.booking.FilmViewings.Viewing;
import dev.cinema.contracts.booking.BookingStatus;
import dev.cinema.platform.refusal.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewRulesTest {

    private static final Instant NOW = Instant.parse("2030-05-01T20:00:00Z");

    private static Viewing viewing(BookingStatus status, Duration sinceStart) {
        return new Viewing("b-" + status + sinceStart, status, NOW.minus(sinceStart), false);
    }

    @Test
    void withoutAnyBookingTheCustomerHasNotSeenTheFilm() {
        assertRefused(() -> ReviewRules.requireViewer(List.of(), NOW), "no-confirmed-booking", null);
    }

    @Test
    void bookingsNeverPaidOrRefundedInFullDoNotCountHoweverManyThereAre() {
        assertRefused(
                () -> ReviewRules.requireViewer(
                        List.of(
                                viewing(BookingStatus.AWAITING_PAYMENT, Duration.ofHours(1)),
                                viewing(BookingStatus.EXPIRED, Duration.ofHours(1)),
                                viewing(BookingStatus.CANCELLED, Duration.ofHours(1)),
                                viewing(BookingStatus.REFUNDED, Duration.ofHours(1))),
                        NOW),
                "no-confirmed-booking",
                null);
    }

    @Test
    void aPaidBookingForALaterScreeningSaysWhenTheEarliestStarts() {
        Refusal refusal = assertRefused(
                () -> ReviewRules.requireViewer(
                        List.of(
                                viewing(BookingStatus.CONFIRMED, Duration.ofHours(-5)),
                                viewing(BookingStatus.CONFIRMED, Duration.ofHours(-2)),
                                viewing(BookingStatus.REFUNDED, Duration.ofHours(3))),
                        NOW),
                "screening-not-started",
                null);
        assertThat(refusal.details())
                .containsEntry(
                        "screeningStartsAt", NOW.plus(Duration.ofHours(2)).toString());
    }

    @Test
    void anyOnePaidBookingOfAStartedScreeningIsEnough() {
        assertThatCode(() -> ReviewRules.requireViewer(
                        List.of(
                                viewing(BookingStatus.REFUNDED, Duration.ofHours(30)),
                                viewing(BookingStatus.CONFIRMED, Duration.ofHours(-3)),
                                viewing(BookingStatus.CONFIRMED, Duration.ofSeconds(1))),
                        NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void ratingsAreOneToFive() {
        assertThat(ReviewRules.rating(1)).isEqualTo(1);
        assertThat(ReviewRules.rating(5)).isEqualTo(5);
        assertRefused(() -> ReviewRules.rating(0), "invalid-rating", "rating");
        assertRefused(() -> ReviewRules.rating(6), "invalid-rating", "rating");
    }
}
