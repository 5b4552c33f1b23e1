package dev.cinema.query.listing;

import dev.cinema.contracts.favourite.FavouriteView;
import dev.cinema.contracts.favourite.FavouritesView;
import dev.cinema.contracts.favourite.FindFavouritesQuery;
import dev.cinema.contracts.listing.CinemaPage;
import dev.cinema.contracts.listing.CinemaView;
import dev.cinema.contracts.listing.FavouritesFilter;
import dev.cinema.contracts.listing.FilmAvailability;
import dev.cinema.contracts.listing.FilmPage;
import dev.cinema.contracts.listing.FilmView;
import dev.cinema.contracts.listing.FindCinemaQuery;
import dev.cinema.contracts.listing.FindCinemasQuery;
import dev.cinema.contracts.listing.FindFilmQuery;
import dev.cinema.contracts.listing.FindFilmsQuery;
import dev.cinema.contracts.listing.FindLocationQuery;
import dev.cinema.contracts.listing.FindLocationsQuery;
import dev.cinema.contracts.listing.FindScreenQuery;
import dev.cinema.contracts.listing.FindScreeningQuery;
import dev.cinema.contracts.listing.FindScreeningsQuery;
import dev.cinema.contracts.listing.FindScreensQuery;
import dev.cinema.contracts.listing.LocationPage;
import dev.cinema.contracts.listing.LocationView;
import dev.cinema.contracts.listing.ScreenPage;
import dev.cinema.contracts.listing.ScreenView;
import dev.cinema.contracts.listing.ScreeningPage;
import dev.cinema.contracts.listing.ScreeningView;
import dev.cinema.platform.openapi.ApiAnswer;
import dev.cinema.platform.refusal.Refusal;
import dev.cinema.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public listings: locations, cinemas, screens with their layouts, films and screenings. No token
 * needed, except to narrow films and screenings to the caller's favourites. Layouts are public:
 * every customer sees them on the seat maps anyway.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Listings", description = "What is showing where and when (public)")
@SecurityRequirements
class ListingController {

    private static final Map<String, String> BY_NAME = Map.of("name", "name");
    private static final Map<String, String> FILM_SORTS = Map.of("title", "title", "releaseDate", "releaseDate");
    private static final Map<String, String> SCREENING_SORTS =
            Map.of("startsAt", "startsAt", "filmTitle", "filmTitle", "cinemaName", "cinemaName");

    private final QueryGateway queries;
    private final Clock clock;

    ListingController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/locations")
    @Operation(summary = "List locations", description = "Sort by name (default name,asc).")
    LocationPage locations(
            @RequestParam(defaultValue = "0") @Min(0) @Max(PagingParameters.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PagingParameters.MAX_SIZE) int size,
            @RequestParam(required = false) @Size(max = 40) String sort) {
        return queries.query(
                        new FindLocationsQuery(PagingParameters.of(page, size, sort, "name", BY_NAME)),
                        ResponseTypes.instanceOf(LocationPage.class))
                .join();
    }

    @GetMapping("/locations/{locationId}")
    @Operation(summary = "One location")
    LocationView location(@PathVariable @Size(max = 64) String locationId) {
        return found(
                queries.query(new FindLocationQuery(locationId), ResponseTypes.optionalInstanceOf(LocationView.class))
                        .join(),
                () -> new Refusal("location-not-found", null, "No location " + locationId));
    }

    @GetMapping("/locations/{locationId}/cinemas")
    @Operation(summary = "Cinemas of a location", description = "Sort by name (default name,asc).")
    CinemaPage cinemasOfLocation(
            @PathVariable @Size(max = 64) String locationId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PagingParameters.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PagingParameters.MAX_SIZE) int size,
            @RequestParam(required = false) @Size(max = 40) String sort) {
        location(locationId);
        return cinemas(locationId, page, size, sort);
    }

    @GetMapping("/cinemas")
    @Operation(summary = "List cinemas, optionally of one location", description = "Sort by name (default name,asc).")
    CinemaPage cinemas(
            @RequestParam(required = false) @Size(max = 64) String locationId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PagingParameters.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PagingParameters.MAX_SIZE) int size,
            @RequestParam(required = false) @Size(max = 40) String sort) {
        return queries.query(
                        new FindCinemasQuery(locationId, PagingParameters.of(page, size, sort, "name", BY_NAME)),
                        ResponseTypes.instanceOf(CinemaPage.class))
                .join();
    }

    @GetMapping("/cinemas/{cinemaId}")
    @Operation(summary = "One cinema")
    CinemaView cinema(@PathVariable @Size(max = 64) String cinemaId) {
        return found(
                queries.query(new FindCinemaQuery(cinemaId), ResponseTypes.optionalInstanceOf(CinemaView.class))
                        .join(),
                () -> new Refusal("cinema-not-found", null, "No cinema " + cinemaId));
    }

    @GetMapping("/cinemas/{cinemaId}/screens")
    @Operation(
            summary = "Screens of a cinema, with their seat layouts",
            description = "Each screen's layout is in the shape the catalogue commands take it (rows front to "
                    + "back, each cell a SEAT with number and type or a GAP). Retired screens only with "
                    + "includeRetired=true. Sort by name (default name,asc).")
    ScreenPage screensOfCinema(
            @PathVariable @Size(max = 64) String cinemaId,
            @RequestParam(defaultValue = "false") boolean includeRetired,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PagingParameters.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PagingParameters.MAX_SIZE) int size,
            @RequestParam(required = false) @Size(max = 40) String sort) {
        cinema(cinemaId);
        return queries.query(
                        new FindScreensQuery(
                                cinemaId, includeRetired, PagingParameters.of(page, size, sort, "name", BY_NAME)),
                        ResponseTypes.instanceOf(ScreenPage.class))
                .join();
    }

    @GetMapping("/screens/{screenId}")
    @Operation(summary = "One screen with its seat layout (also a retired one)")
    ScreenView screen(@PathVariable @Size(max = 64) String screenId) {
        return found(
                queries.query(new FindScreenQuery(screenId), ResponseTypes.optionalInstanceOf(ScreenView.class))
                        .join(),
                () -> new Refusal("screen-not-found", null, "No screen " + screenId));
    }

    @GetMapping("/films")
    @ApiAnswer(status = 401, when = "favourites=true without a bearer token (token-required)")
    @Operation(
            summary = "List films",
            description = "availability: NOW_SHOWING (released, with a screening on sale), COMING_SOON (release "
                    + "date ahead) or ALL (default). Sort by title or releaseDate (default title,asc). Each film "
                    + "has its average rating (one decimal, null without reviews) and review count. "
                    + "favourites=true (with a bearer token): only the caller's favourite films.")
    FilmPage films(
            @RequestParam(defaultValue = "ALL") FilmAvailability availability,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PagingParameters.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PagingParameters.MAX_SIZE) int size,
            @RequestParam(required = false) @Size(max = 40) String sort,
            @RequestParam(defaultValue = "false") boolean favourites,
            @AuthenticationPrincipal Jwt caller) {
        return queries.query(
                        new FindFilmsQuery(
                                availability,
                                clock.instant(),
                                PagingParameters.of(page, size, sort, "title", FILM_SORTS),
                                favourites ? favouritesOf(caller) : null),
                        ResponseTypes.instanceOf(FilmPage.class))
                .join();
    }

    @GetMapping("/films/{filmId}")
    @Operation(summary = "One film")
    FilmView film(@PathVariable @Size(max = 64) String filmId) {
        return found(
                queries.query(new FindFilmQuery(filmId), ResponseTypes.optionalInstanceOf(FilmView.class))
                        .join(),
                () -> new Refusal("film-not-found", null, "No film " + filmId));
    }

    @GetMapping("/screenings")
    @ApiAnswer(status = 401, when = "favourites=true without a bearer token (token-required)")
    @Operation(
            summary = "List screenings by cinema, film, location and day",
            description = "Filters combine. date is a day in the cinema's own time zone (YYYY-MM-DD); without "
                    + "it, screenings starting from now (or from 'from'). Cancelled screenings are left out. "
                    + "Sort by startsAt, filmTitle or cinemaName (default startsAt,asc). favourites=true (with a "
                    + "bearer token): only screenings of the caller's favourite films, or at their favourite "
                    + "cinemas, or in their favourite locations (any of the three), combined with the other "
                    + "filters.")
    ScreeningPage screenings(
            @RequestParam(required = false) @Size(max = 64) String cinemaId,
            @RequestParam(required = false) @Size(max = 64) String filmId,
            @RequestParam(required = false) @Size(max = 64) String locationId,
            @RequestParam(required = false) @Parameter(description = "day in the cinema's zone") LocalDate date,
            @RequestParam(required = false) Instant from,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PagingParameters.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PagingParameters.MAX_SIZE) int size,
            @RequestParam(required = false) @Size(max = 40) String sort,
            @RequestParam(defaultValue = "false") boolean favourites,
            @AuthenticationPrincipal Jwt caller) {
        Instant start = from != null ? from : clock.instant();
        return queries.query(
                        new FindScreeningsQuery(
                                cinemaId,
                                filmId,
                                locationId,
                                date,
                                start,
                                PagingParameters.of(page, size, sort, "startsAt", SCREENING_SORTS),
                                favourites ? favouritesOf(caller) : null),
                        ResponseTypes.instanceOf(ScreeningPage.class))
                .join();
    }

    @GetMapping("/screenings/{screeningId}")
    @Operation(summary = "One screening (also a cancelled one)")
    ScreeningView screening(@PathVariable @Size(max = 64) String screeningId) {
        return found(
                queries.query(
                                new FindScreeningQuery(screeningId),
                                ResponseTypes.optionalInstanceOf(ScreeningView.class))
                        .join(),
                () -> new Refusal("screening-not-found", null, "No screening " + screeningId));
    }

    /**
     * The caller's favourites, for a listing narrowed to them. The listings are public, but "my
     * favourites" needs to know who is asking: without a token it is a 401, never an empty list
     * that would read as "no favourites".
     */
    private FavouritesFilter favouritesOf(Jwt caller) {
        if (caller == null) {
            throw new Refusal(
                    "token-required", "favourites", "favourites=true needs a bearer token: whose favourites?");
        }
        FavouritesView mine = queries.query(
                        new FindFavouritesQuery(Caller.from(caller).accountId()),
                        ResponseTypes.instanceOf(FavouritesView.class))
                .join();
        return new FavouritesFilter(ids(mine.films()), ids(mine.cinemas()), ids(mine.locations()));
    }

    private static Set<String> ids(List<FavouriteView> favourites) {
        return favourites.stream().map(FavouriteView::id).collect(Collectors.toSet());
    }

    private static <T> T found(Optional<T> result, Supplier<Refusal> notFound) {
        return result.orElseThrow(notFound);
    }
}
