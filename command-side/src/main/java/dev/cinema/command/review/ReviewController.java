package dev.cinema.command.review;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.catalogue.film.FilmId;
import dev.cinema.contracts.review.DeleteReviewCommand;
import dev.cinema.contracts.review.HideReviewCommand;
import dev.cinema.contracts.review.PostReviewCommand;
import dev.cinema.contracts.review.ReviewId;
import dev.cinema.contracts.review.UnhideReviewCommand;
import dev.cinema.platform.openapi.ApiAnswer;
import dev.cinema.platform.openapi.RequestExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reviews by verified viewers, one per customer and film, and their moderation by staff. The text
 * is plain text: it is stored and answered as written, never interpreted, so whoever shows it must
 * escape it.
 */
@RestController
@Tag(name = "Reviews", description = "Review a film you have seen (token required); hide reviews (ADMIN)")
class ReviewController {

    private final CommandGateway commands;

    ReviewController(CommandGateway commands) {
        this.commands = commands;
    }

    record ReviewRequest(
            @NotNull @Min(1) @Max(5) Integer rating,

            @Size(max = Review.MAX_TEXT) @Schema(description = "Plain text; never interpreted as HTML")
            String text) {}

    /** The caller's review as it now stands; {@code reviewId} is how staff name it. */
    record ReviewResponse(
            String reviewId,
            String filmId,
            int rating,

            @Schema(nullable = true, description = "Plain text, as written (trimmed); null for a rating alone")
            String text) {}

    record ModerationRequest(
            @NotBlank @Size(max = Review.MAX_REASON) String reason) {}

    @PutMapping("/api/films/{filmId}/review")
    @RequestExample("""
            {"rating": 4, "text": "Gripping from the first minute; the ending drags a little."}
            """)
    @ApiAnswer(
            status = 201,
            when = "Written (the caller had no review of the film); Location points at the film's reviews in the"
                    + " query API")
    @ApiAnswer(status = 200, when = "Replaced the caller's review of the film")
    @ApiAnswer(
            status = 403,
            when = "The caller has not seen the film: no paid, not fully refunded booking for a screening of it"
                    + " (no-confirmed-booking), or none of those screenings has started yet (screening-not-started)",
            body = ReviewProblems.NotAViewerYet.class)
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(
            summary = "Write or replace your review of a film you have seen",
            description = "One review per customer and film: a second PUT replaces the first. Allowed to a customer"
                    + " holding a paid booking, not refunded in full, for a screening of the film that has started."
                    + " The text (up to 2,000 characters, optional) is plain text: it is never interpreted, and"
                    + " clients must escape it when they show it. An unknown or retired film is a 404.")
    ResponseEntity<ReviewResponse> post(
            @PathVariable @Size(max = 64) String filmId,
            @Valid @RequestBody ReviewRequest request,
            @AuthenticationPrincipal Jwt caller) {
        AccountId customer = AccountId.of(caller.getSubject());
        FilmId film = FilmId.of(filmId);
        ReviewingFilms.Posted posted = commands.sendAndWait(
                new PostReviewCommand(ReviewId.of(customer, film), film, customer, request.rating(), request.text()));
        ReviewResponse body = new ReviewResponse(posted.reviewId().value(), filmId, posted.rating(), posted.text());
        return posted.created()
                ? ResponseEntity.created(URI.create("/api/films/" + filmId + "/reviews"))
                        .body(body)
                : ResponseEntity.ok(body);
    }

    @DeleteMapping("/api/films/{filmId}/review")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(
            summary = "Withdraw your review of a film",
            description = "404 when the caller has no review of the film (or the film is unknown or retired).")
    void delete(@PathVariable @Size(max = 64) String filmId, @AuthenticationPrincipal Jwt caller) {
        AccountId customer = AccountId.of(caller.getSubject());
        FilmId film = FilmId.of(filmId);
        commands.sendAndWait(new DeleteReviewCommand(ReviewId.of(customer, film), film, customer));
    }

    @PostMapping("/api/admin/reviews/{reviewId}/hide")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequestExample("""
            {"reason": "Gives the ending away"}
            """)
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(
            summary = "Hide a review from the public list and the film's rating (ADMIN)",
            description = "Hiding a hidden review changes nothing. A hidden review stays hidden through its author's"
                    + " edits, deletion and rewriting, until it is unhidden. 404 for an unknown or deleted review.")
    void hide(@PathVariable @Size(max = 64) String reviewId, @Valid @RequestBody ModerationRequest request) {
        commands.sendAndWait(new HideReviewCommand(ReviewId.of(reviewId), request.reason()));
    }

    @PostMapping("/api/admin/reviews/{reviewId}/unhide")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @RequestExample("""
            {"reason": "The spoiler was edited out"}
            """)
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(
            summary = "Show a hidden review again (ADMIN)",
            description = "Unhiding a visible review changes nothing. 404 for an unknown or deleted review.")
    void unhide(@PathVariable @Size(max = 64) String reviewId, @Valid @RequestBody ModerationRequest request) {
        commands.sendAndWait(new UnhideReviewCommand(ReviewId.of(reviewId), request.reason()));
    }
}
