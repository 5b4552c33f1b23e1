package dev.cinema.query.review;

import dev.cinema.contracts.listing.FilmView;
import dev.cinema.contracts.listing.FindFilmQuery;
import dev.cinema.contracts.listing.Paging;
import dev.cinema.contracts.review.FilmReviewPage;
import dev.cinema.contracts.review.FindFilmReviewsQuery;
import dev.cinema.platform.refusal.Refusal;
import dev.cinema.query.listing.PagingParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A film's reviews, public like the listings. */
@RestController
@Tag(name = "Reviews", description = "What viewers say about a film (public)")
@SecurityRequirements
class FilmReviewController {

    private final QueryGateway queries;

    FilmReviewController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/api/films/{filmId}/reviews")
    @Operation(
            summary = "The reviews of a film",
            description = "Reviews by customers who saw the film, without those staff hid, with the film's average"
                    + " rating (one decimal, null without reviews) and their number. Each is signed with the name"
                    + " its author registered with, never an e-mail. The text is plain text as written: escape it"
                    + " when showing it. sort: newest (default) or rating (best first, then newest).")
    FilmReviewPage reviews(
            @PathVariable @Size(max = 64) String filmId,
            @RequestParam(defaultValue = "newest")
                    @Pattern(regexp = "newest|rating", message = "must be newest or rating")
                    @Parameter(
                            schema =
                                    @Schema(
                                            allowableValues = {"newest", "rating"},
                                            defaultValue = "newest"))
                    String sort,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PagingParameters.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PagingParameters.MAX_SIZE) int size) {
        queries.query(new FindFilmQuery(filmId), ResponseTypes.optionalInstanceOf(FilmView.class))
                .join()
                .orElseThrow(() -> new Refusal("film-not-found", null, "No film " + filmId));
        String sortBy = sort.equals("rating") ? ReviewQueries.RATING : ReviewQueries.NEWEST;
        return queries.query(
                        new FindFilmReviewsQuery(filmId, new Paging(page, size, sortBy, Paging.Direction.DESC)),
                        ResponseTypes.instanceOf(FilmReviewPage.class))
                .join();
    }
}
