package dev.cinema.command.review;

import dev.cinema.command.booking.FilmViewings.Viewing;
import dev.cinema.contracts.booking.BookingStatus;
import dev.cinema.platform.refusal.Refusal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Who may review a film: a verified viewer, that is a customer holding at least one booking for a
 * screening of the film that is paid and not refunded in full (CONFIRMED: a booking with some of
 * its seats returned still counts, one with every seat returned does not), on a screening that was
 * not cancelled and has started. Any one such booking is enough, whatever became of the others.
 */
final class ReviewRules {

    private ReviewRules() {}

    static void requireViewer(List<Viewing> viewings, Instant now) {
        List<Viewing> confirmed = viewings.stream()
                .filter(viewing -> viewing.status() == BookingStatus.CONFIRMED && !viewing.screeningCancelled())
                .toList();
        if (confirmed.isEmpty()) {
            throw new Refusal(
                    "no-confirmed-booking",
                    null,
                    "Only customers who saw the film may review it: you hold no paid booking for a screening of it"
                            + " (bookings not paid, cancelled, expired or refunded in full do not count)");
        }
        if (confirmed.stream().noneMatch(viewing -> !viewing.startsAt().isAfter(now))) {
            Instant first = confirmed.stream()
                    .map(Viewing::startsAt)
                    .min(Comparator.naturalOrder())
                    .orElseThrow();
            throw new Refusal(
                    "screening-not-started",
                    null,
                    "You may review the film once your screening has started (at " + first + ")",
                    // A string: details also cross Axon Server, where an Instant would not come back as one.
                    Map.of("screeningStartsAt", first.toString()));
        }
    }

    static int rating(int rating) {
        if (rating < 1 || rating > 5) {
            throw new Refusal("invalid-rating", "rating", "rating must be between 1 and 5");
        }
        return rating;
    }
}
