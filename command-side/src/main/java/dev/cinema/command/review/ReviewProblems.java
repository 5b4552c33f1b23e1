package dev.cinema.command.review;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** Extra members of the problems the review operations answer, as the API documents show them. */
final class ReviewProblems {

    private ReviewProblems() {}

    /**
     * 403 no-confirmed-booking: the caller holds no paid booking for a screening of the film; or
     * 403 screening-not-started: they do, but none of those screenings has started yet
     * ({@code screeningStartsAt} says when the first one does).
     */
    record NotAViewerYet(
            @Schema(nullable = true, description = "Only with screening-not-started: when the first screening starts")
            Instant screeningStartsAt) {}
}
