package dev.cinema.query.listing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.booking.SeatsHeldEvent;
import dev.cinema.contracts.booking.SeatsReleasedEvent;
import dev.cinema.contracts.catalogue.cinema.Address;
import dev.cinema.contracts.catalogue.cinema.CinemaCreatedEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaRetiredEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaUpdatedEvent;
import dev.cinema.contracts.catalogue.film.AgeRating;
import dev.cinema.contracts.catalogue.film.FilmCreatedEvent;
import dev.cinema.contracts.catalogue.film.FilmRetiredEvent;
import dev.cinema.contracts.catalogue.film.FilmUpdatedEvent;
import dev.cinema.contracts.catalogue.film.Genre;
import dev.cinema.contracts.catalogue.location.LocationCreatedEvent;
import dev.cinema.contracts.catalogue.location.LocationRenamedEvent;
import dev.cinema.contracts.catalogue.location.LocationRetiredEvent;
import dev.cinema.contracts.catalogue.screen.ScreenCreatedEvent;
import dev.cinema.contracts.catalogue.screen.ScreenRetiredEvent;
import dev.cinema.contracts.catalogue.screen.ScreenUpdatedEvent;
import dev.cinema.contracts.catalogue.screen.SeatLayout;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.catalogue.screening.ScreeningCancelledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningPricesChangedEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningRescheduledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningSalesOpenedEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningScheduledEvent;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.listing.ScreeningStatus;
import dev.cinema.query.rebuild.Rebuildable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Folds catalogue events into the listing tables. Every handler sets state rather than adding to
 * it, so an event delivered twice leaves the tables as once. Screening rows copy names from the
 * film, cinema and screen rows, which is why this group runs in a single segment: events of
 * different aggregates must be folded in the order they were stored. Seat holds and releases
 * keep the screenings' free seats: the seats taken are stored, and the free count is recounted
 * from them after each change. A sale changes nothing here: a sold seat stays taken by the booking
 * that held it, until a release of that booking (a refund) frees it like a held one.
 */
@Component
@Rebuildable(
        name = "listings",
        tables = {
            "listing_taken_seat",
            "listing_screening",
            "listing_film",
            "listing_screen",
            "listing_cinema",
            "listing_location"
        })
@ProcessingGroup(CatalogueListingProjection.NAME)
class CatalogueListingProjection {

    static final String NAME = "query-catalogue-listings";
    private static final DateTimeFormatter LOCAL_START = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final LocationRows locations;
    private final CinemaRows cinemas;
    private final ScreenRows screens;
    private final FilmRows films;
    private final ScreeningRows screenings;
    private final TakenSeatRows takenSeats;
    private final ObjectMapper objectMapper;

    CatalogueListingProjection(
            LocationRows locations,
            CinemaRows cinemas,
            ScreenRows screens,
            FilmRows films,
            ScreeningRows screenings,
            TakenSeatRows takenSeats,
            ObjectMapper objectMapper) {
        this.locations = locations;
        this.cinemas = cinemas;
        this.screens = screens;
        this.films = films;
        this.screenings = screenings;
        this.takenSeats = takenSeats;
        this.objectMapper = objectMapper;
    }

    @EventHandler
    void on(LocationCreatedEvent event) {
        LocationRow row = locations
                .findById(event.locationId().value())
                .orElseGet(() -> new LocationRow(event.locationId().value()));
        row.name = event.name();
        locations.save(row);
    }

    @EventHandler
    void on(LocationRenamedEvent event) {
        locations.findById(event.locationId().value()).ifPresent(row -> row.name = event.name());
    }

    @EventHandler
    void on(LocationRetiredEvent event) {
        locations.findById(event.locationId().value()).ifPresent(row -> row.retired = true);
    }

    @EventHandler
    void on(CinemaCreatedEvent event) {
        CinemaRow row = cinemas.findById(event.cinemaId().value())
                .orElseGet(() -> new CinemaRow(event.cinemaId().value()));
        row.locationId = event.locationId().value();
        describe(row, event.name(), event.address(), event.timeZone());
        cinemas.save(row);
    }

    @EventHandler
    void on(CinemaUpdatedEvent event) {
        cinemas.findById(event.cinemaId().value()).ifPresent(row -> {
            describe(row, event.name(), event.address(), event.timeZone());
            for (ScreeningRow screening : screenings.findByCinemaId(row.id)) {
                screening.cinemaName = row.name;
                placeInTime(screening, screening.startsAt, screening.endsAt, event.timeZone());
            }
        });
    }

    @EventHandler
    void on(CinemaRetiredEvent event) {
        cinemas.findById(event.cinemaId().value()).ifPresent(row -> row.retired = true);
    }

    @EventHandler
    void on(ScreenCreatedEvent event) {
        ScreenRow row = screens.findById(event.screenId().value())
                .orElseGet(() -> new ScreenRow(event.screenId().value()));
        row.cinemaId = event.cinemaId().value();
        row.name = event.name();
        row.format = event.format();
        row.seatCount = event.layout().seats().size();
        row.layoutJson = json(event.layout());
        screens.save(row);
    }

    @EventHandler
    void on(ScreenUpdatedEvent event) {
        screens.findById(event.screenId().value()).ifPresent(row -> {
            row.name = event.name();
            row.format = event.format();
            row.seatCount = event.layout().seats().size();
            row.layoutJson = json(event.layout());
        });
        // Scheduled screenings keep their layout; only the name people look for changes.
        screenings.findByScreenId(event.screenId().value()).forEach(row -> row.screenName = event.name());
    }

    @EventHandler
    void on(ScreenRetiredEvent event) {
        screens.findById(event.screenId().value()).ifPresent(row -> row.retired = true);
    }

    @EventHandler
    void on(FilmCreatedEvent event) {
        FilmRow row = films.findById(event.filmId().value())
                .orElseGet(() -> new FilmRow(event.filmId().value()));
        describe(
                row,
                event.title(),
                event.runtimeMinutes(),
                event.ageRating(),
                event.genres(),
                event.releaseDate(),
                event.synopsis());
        films.save(row);
    }

    @EventHandler
    void on(FilmUpdatedEvent event) {
        films.findById(event.filmId().value())
                .ifPresent(row -> describe(
                        row,
                        event.title(),
                        event.runtimeMinutes(),
                        event.ageRating(),
                        event.genres(),
                        event.releaseDate(),
                        event.synopsis()));
        screenings.findByFilmId(event.filmId().value()).forEach(row -> row.filmTitle = event.title());
    }

    @EventHandler
    void on(FilmRetiredEvent event) {
        films.findById(event.filmId().value()).ifPresent(row -> row.retired = true);
    }

    @EventHandler
    void on(ScreeningScheduledEvent event) {
        ScreeningRow row = screenings
                .findById(event.screeningId().value())
                .orElseGet(() -> new ScreeningRow(event.screeningId().value()));
        FilmRow film = films.findById(event.filmId().value()).orElseThrow();
        CinemaRow cinema = cinemas.findById(event.cinemaId().value()).orElseThrow();
        ScreenRow screen = screens.findById(event.screenId().value()).orElseThrow();
        row.filmId = film.id;
        row.filmTitle = film.title;
        row.cinemaId = cinema.id;
        row.cinemaName = cinema.name;
        row.locationId = cinema.locationId;
        row.screenId = screen.id;
        row.screenName = screen.name;
        row.format = screen.format;
        placeInTime(row, event.startsAt(), event.endsAt(), ZoneId.of(cinema.timeZone));
        row.pricesJson = json(event.prices());
        row.status = event.onSale() ? ScreeningStatus.ON_SALE : ScreeningStatus.SCHEDULED;
        row.totalSeats = event.layout().seats().size();
        row.freeSeats = freeSeats(row);
        screenings.save(row);
    }

    @EventHandler
    void on(ScreeningRescheduledEvent event) {
        screenings
                .findById(event.screeningId().value())
                .ifPresent(row -> placeInTime(row, event.startsAt(), event.endsAt(), ZoneId.of(row.timeZone)));
    }

    @EventHandler
    void on(ScreeningPricesChangedEvent event) {
        screenings.findById(event.screeningId().value()).ifPresent(row -> row.pricesJson = json(event.prices()));
    }

    @EventHandler
    void on(ScreeningSalesOpenedEvent event) {
        screenings.findById(event.screeningId().value()).ifPresent(row -> {
            if (row.status != ScreeningStatus.CANCELLED) {
                row.status = ScreeningStatus.ON_SALE;
            }
        });
    }

    @EventHandler
    void on(ScreeningCancelledEvent event) {
        screenings.findById(event.screeningId().value()).ifPresent(row -> row.status = ScreeningStatus.CANCELLED);
    }

    @EventHandler
    void on(SeatsHeldEvent event) {
        String screeningId = event.screeningId().value();
        for (SeatPrice seat : event.seats()) {
            TakenSeatRow taken = takenSeats
                    .findById(new TakenSeatRow.Key(screeningId, seat.seat()))
                    .orElseGet(() -> new TakenSeatRow(screeningId, seat.seat()));
            taken.bookingId = event.bookingId().value();
            takenSeats.save(taken);
        }
        recountFreeSeats(screeningId);
    }

    @EventHandler
    void on(SeatsReleasedEvent event) {
        String screeningId = event.screeningId().value();
        String booking = event.bookingId().value();
        for (String seat : event.seats()) {
            // Only the releasing booking's seats: by now a seat may be someone else's.
            takenSeats
                    .findById(new TakenSeatRow.Key(screeningId, seat))
                    .filter(taken -> booking.equals(taken.bookingId))
                    .ifPresent(takenSeats::delete);
        }
        recountFreeSeats(screeningId);
    }

    /** A replay starts from empty tables. */
    @ResetHandler
    void reset() {
        takenSeats.deleteAllInBatch();
        screenings.deleteAllInBatch();
        screens.deleteAllInBatch();
        cinemas.deleteAllInBatch();
        films.deleteAllInBatch();
        locations.deleteAllInBatch();
    }

    private void recountFreeSeats(String screeningId) {
        screenings.findById(screeningId).ifPresent(row -> row.freeSeats = freeSeats(row));
    }

    /** Counted afresh from the taken seats (the count flushes pending changes first), never moved up or down. */
    private int freeSeats(ScreeningRow row) {
        return Math.max(0, row.totalSeats - (int) takenSeats.countByScreeningId(row.id));
    }

    private static void describe(CinemaRow row, String name, Address address, ZoneId zone) {
        row.name = name;
        row.street = address.street();
        row.city = address.city();
        row.postalCode = address.postalCode();
        row.country = address.country();
        row.timeZone = zone.getId();
    }

    private static void describe(
            FilmRow row,
            String title,
            int runtime,
            AgeRating rating,
            Set<Genre> genres,
            LocalDate releaseDate,
            String synopsis) {
        row.title = title;
        row.runtimeMinutes = runtime;
        row.ageRating = rating;
        row.genres = genres.stream().sorted().map(Genre::name).collect(Collectors.joining(","));
        row.releaseDate = releaseDate;
        row.synopsis = synopsis;
    }

    private static void placeInTime(ScreeningRow row, Instant startsAt, Instant endsAt, ZoneId zone) {
        ZonedDateTime local = startsAt.atZone(zone);
        row.startsAt = startsAt;
        row.endsAt = endsAt;
        row.timeZone = zone.getId();
        row.localDate = local.toLocalDate();
        row.localStart = LOCAL_START.format(local);
    }

    private String json(Map<SeatType, Money> prices) {
        try {
            return objectMapper.writeValueAsString(prices);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise prices", e);
        }
    }

    private String json(SeatLayout layout) {
        try {
            return objectMapper.writeValueAsString(layout);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a seat layout", e);
        }
    }
}
