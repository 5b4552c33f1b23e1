package dev.cinema.query.listing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.contracts.catalogue.cinema.Address;
import dev.cinema.contracts.catalogue.film.Genre;
import dev.cinema.contracts.catalogue.screen.SeatLayout;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.listing.CinemaPage;
import dev.cinema.contracts.listing.CinemaView;
import dev.cinema.contracts.listing.FavouritesFilter;
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
import dev.cinema.contracts.listing.PageInfo;
import dev.cinema.contracts.listing.Paging;
import dev.cinema.contracts.listing.ScreenPage;
import dev.cinema.contracts.listing.ScreenView;
import dev.cinema.contracts.listing.ScreeningPage;
import dev.cinema.contracts.listing.ScreeningStatus;
import dev.cinema.contracts.listing.ScreeningView;
import dev.cinema.query.review.FilmRatings;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers listing queries from the listing tables, with each film's rating from the reviews read
 * model. Read-only; never touches the event store.
 */
@Component
@Transactional(readOnly = true)
class ListingQueries {

    private static final TypeReference<Map<SeatType, Money>> PRICES = new TypeReference<>() {};

    private final LocationRows locations;
    private final CinemaRows cinemas;
    private final ScreenRows screens;
    private final FilmRows films;
    private final ScreeningRows screenings;
    private final FilmRatings ratings;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    ListingQueries(
            LocationRows locations,
            CinemaRows cinemas,
            ScreenRows screens,
            FilmRows films,
            ScreeningRows screenings,
            FilmRatings ratings,
            ObjectMapper objectMapper,
            Clock clock) {
        this.locations = locations;
        this.cinemas = cinemas;
        this.screens = screens;
        this.films = films;
        this.screenings = screenings;
        this.ratings = ratings;
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    @QueryHandler
    LocationPage handle(FindLocationsQuery query) {
        Page<LocationRow> page = locations.findByRetiredFalse(pageable(query.paging()));
        List<String> ids = ids(page, row -> row.id);
        Map<String, Long> counts = ids.isEmpty() ? Map.of() : counts(locations.countCinemas(ids));
        return new LocationPage(page.map(row -> location(row, counts)).getContent(), info(page));
    }

    @QueryHandler
    Optional<LocationView> handle(FindLocationQuery query) {
        return locations
                .findById(query.locationId())
                .filter(row -> !row.retired)
                .map(row -> location(row, counts(locations.countCinemas(List.of(row.id)))));
    }

    @QueryHandler
    CinemaPage handle(FindCinemasQuery query) {
        Pageable pageable = pageable(query.paging());
        Page<CinemaRow> page = query.locationId() == null
                ? cinemas.findByRetiredFalse(pageable)
                : cinemas.findByLocationIdAndRetiredFalse(query.locationId(), pageable);
        return new CinemaPage(cinemaViews(page.getContent()), info(page));
    }

    @QueryHandler
    Optional<CinemaView> handle(FindCinemaQuery query) {
        return cinemas.findById(query.cinemaId())
                .filter(row -> !row.retired)
                .map(row -> cinemaViews(List.of(row)).get(0));
    }

    @QueryHandler
    ScreenPage handle(FindScreensQuery query) {
        Pageable pageable = pageable(query.paging());
        Page<ScreenRow> page = query.includeRetired()
                ? screens.findByCinemaId(query.cinemaId(), pageable)
                : screens.findByCinemaIdAndRetiredFalse(query.cinemaId(), pageable);
        return new ScreenPage(page.map(this::screen).getContent(), info(page));
    }

    @QueryHandler
    Optional<ScreenView> handle(FindScreenQuery query) {
        return screens.findById(query.screenId()).map(this::screen);
    }

    @QueryHandler
    FilmPage handle(FindFilmsQuery query) {
        Pageable pageable = pageable(query.paging());
        LocalDate today = LocalDate.ofInstant(query.asOf(), ZoneOffset.UTC);
        Page<FilmRow> page;
        if (query.favourites() == null) {
            page = switch (query.availability()) {
                case NOW_SHOWING -> films.nowShowing(today, query.asOf(), ScreeningStatus.ON_SALE, pageable);
                case COMING_SOON -> films.findByRetiredFalseAndReleaseDateAfter(today, pageable);
                case ALL -> films.findByRetiredFalse(pageable);
            };
        } else if (query.favourites().filmIds().isEmpty()) {
            page = Page.empty(pageable);
        } else {
            Set<String> ids = query.favourites().filmIds();
            page = switch (query.availability()) {
                case NOW_SHOWING -> films.nowShowingAmong(today, query.asOf(), ScreeningStatus.ON_SALE, ids, pageable);
                case COMING_SOON -> films.findByRetiredFalseAndReleaseDateAfterAndIdIn(today, ids, pageable);
                case ALL -> films.findByRetiredFalseAndIdIn(ids, pageable);
            };
        }
        return new FilmPage(filmViews(page.getContent(), query.asOf()), info(page));
    }

    @QueryHandler
    Optional<FilmView> handle(FindFilmQuery query) {
        return films.findById(query.filmId())
                .filter(row -> !row.retired)
                .map(row -> filmViews(List.of(row), clock.instant()).get(0));
    }

    @QueryHandler
    ScreeningPage handle(FindScreeningsQuery query) {
        Specification<ScreeningRow> filter = (root, criteria, builder) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(builder.notEqual(root.get("status"), ScreeningStatus.CANCELLED));
            if (query.cinemaId() != null) {
                where.add(builder.equal(root.get("cinemaId"), query.cinemaId()));
            }
            if (query.filmId() != null) {
                where.add(builder.equal(root.get("filmId"), query.filmId()));
            }
            if (query.locationId() != null) {
                where.add(builder.equal(root.get("locationId"), query.locationId()));
            }
            if (query.day() != null) {
                where.add(builder.equal(root.get("localDate"), query.day()));
            } else if (query.from() != null) {
                where.add(builder.greaterThanOrEqualTo(root.get("startsAt"), query.from()));
            }
            if (query.favourites() != null) {
                where.add(favourite(query.favourites(), root, builder));
            }
            return builder.and(where.toArray(Predicate[]::new));
        };
        Page<ScreeningRow> page = screenings.findAll(filter, pageable(query.paging()));
        return new ScreeningPage(page.map(this::screening).getContent(), info(page));
    }

    @QueryHandler
    Optional<ScreeningView> handle(FindScreeningQuery query) {
        return screenings.findById(query.screeningId()).map(this::screening);
    }

    /** A favourite film, or at a favourite cinema, or in a favourite location; nothing without favourites. */
    private static Predicate favourite(FavouritesFilter favourites, Root<ScreeningRow> root, CriteriaBuilder builder) {
        List<Predicate> any = new ArrayList<>();
        if (!favourites.filmIds().isEmpty()) {
            any.add(root.get("filmId").in(favourites.filmIds()));
        }
        if (!favourites.cinemaIds().isEmpty()) {
            any.add(root.get("cinemaId").in(favourites.cinemaIds()));
        }
        if (!favourites.locationIds().isEmpty()) {
            any.add(root.get("locationId").in(favourites.locationIds()));
        }
        return any.isEmpty() ? builder.disjunction() : builder.or(any.toArray(Predicate[]::new));
    }

    private static LocationView location(LocationRow row, Map<String, Long> cinemaCounts) {
        return new LocationView(
                row.id, row.name, cinemaCounts.getOrDefault(row.id, 0L).intValue());
    }

    private List<CinemaView> cinemaViews(List<CinemaRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Long> screenCounts =
                counts(cinemas.countScreens(rows.stream().map(row -> row.id).toList()));
        Map<String, String> locationNames = new HashMap<>();
        locations
                .findAllById(rows.stream().map(row -> row.locationId).collect(Collectors.toSet()))
                .forEach(location -> locationNames.put(location.id, location.name));
        return rows.stream()
                .map(row -> new CinemaView(
                        row.id,
                        row.locationId,
                        locationNames.get(row.locationId),
                        row.name,
                        new Address(row.street, row.city, row.postalCode, row.country),
                        row.timeZone,
                        screenCounts.getOrDefault(row.id, 0L).intValue()))
                .toList();
    }

    private List<FilmView> filmViews(List<FilmRow> rows, Instant asOf) {
        Map<String, Instant> next = new HashMap<>();
        if (!rows.isEmpty()) {
            for (Object[] pair :
                    films.nextScreenings(rows.stream().map(row -> row.id).toList(), asOf, ScreeningStatus.ON_SALE)) {
                next.put((String) pair[0], (Instant) pair[1]);
            }
        }
        Map<String, FilmRatings.Rating> rated =
                ratings.of(rows.stream().map(row -> row.id).toList());
        return rows.stream()
                .map(row -> new FilmView(
                        row.id,
                        row.title,
                        row.runtimeMinutes,
                        row.ageRating,
                        genres(row.genres),
                        row.releaseDate,
                        row.synopsis,
                        next.get(row.id),
                        rated.get(row.id).average(),
                        rated.get(row.id).count()))
                .toList();
    }

    private ScreeningView screening(ScreeningRow row) {
        return new ScreeningView(
                row.id,
                row.filmId,
                row.filmTitle,
                row.cinemaId,
                row.cinemaName,
                row.locationId,
                row.screenId,
                row.screenName,
                row.format,
                row.startsAt,
                row.endsAt,
                row.localStart,
                row.timeZone,
                prices(row.pricesJson),
                row.status,
                row.totalSeats,
                row.freeSeats);
    }

    private ScreenView screen(ScreenRow row) {
        return new ScreenView(
                row.id, row.cinemaId, row.name, row.format, row.seatCount, row.retired, layout(row.layoutJson));
    }

    private SeatLayout layout(String json) {
        if (json == null) {
            return null;
        }
        try {
            return objectMapper.readValue(json, SeatLayout.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable seat layout", e);
        }
    }

    private Map<SeatType, Money> prices(String json) {
        try {
            return objectMapper.readValue(json, PRICES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable price list", e);
        }
    }

    private static Set<Genre> genres(String genres) {
        Set<Genre> result = EnumSet.noneOf(Genre.class);
        if (!genres.isBlank()) {
            Arrays.stream(genres.split(",")).map(Genre::valueOf).forEach(result::add);
        }
        return result;
    }

    private static <T> List<String> ids(Page<T> page, Function<T, String> id) {
        return page.getContent().stream().map(id).toList();
    }

    private static Map<String, Long> counts(List<Object[]> rows) {
        if (rows == null) {
            return Map.of();
        }
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    private static Pageable pageable(Paging paging) {
        Sort.Direction direction =
                paging.direction() == Paging.Direction.DESC ? Sort.Direction.DESC : Sort.Direction.ASC;
        // The id breaks ties, so that pages never overlap or skip rows of equal sort keys.
        return PageRequest.of(
                paging.page(),
                paging.size(),
                Sort.by(direction, paging.sortBy()).and(Sort.by("id")));
    }

    private static PageInfo info(Page<?> page) {
        return new PageInfo(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
    }
}
