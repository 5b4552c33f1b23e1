package dev.cinema.command.catalogue.lookup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.command.catalogue.CatalogueProperties;
import dev.cinema.contracts.catalogue.cinema.CinemaCreatedEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaRetiredEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaUpdatedEvent;
import dev.cinema.contracts.catalogue.film.FilmCreatedEvent;
import dev.cinema.contracts.catalogue.film.FilmRetiredEvent;
import dev.cinema.contracts.catalogue.film.FilmUpdatedEvent;
import dev.cinema.contracts.catalogue.location.LocationCreatedEvent;
import dev.cinema.contracts.catalogue.location.LocationRetiredEvent;
import dev.cinema.contracts.catalogue.screen.ScreenCreatedEvent;
import dev.cinema.contracts.catalogue.screen.ScreenRetiredEvent;
import dev.cinema.contracts.catalogue.screen.ScreenUpdatedEvent;
import dev.cinema.contracts.catalogue.screen.SeatLayout;
import dev.cinema.contracts.catalogue.screening.ScreeningCancelledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningRescheduledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningScheduledEvent;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Folds catalogue events into the lookup. Subscribing (see command-side.yml): it runs in the
 * unit of work that applied the event, so the lookup commits or rolls back with it.
 */
@Component
@ProcessingGroup("command-catalogue-lookup")
class CatalogueLookupUpdater {

    private final LookupEntryRepository entries;
    private final ScreenSlotRepository slots;
    private final ObjectMapper objectMapper;
    private final Duration cleaningGap;

    CatalogueLookupUpdater(
            LookupEntryRepository entries,
            ScreenSlotRepository slots,
            ObjectMapper objectMapper,
            CatalogueProperties catalogue) {
        this.entries = entries;
        this.slots = slots;
        this.objectMapper = objectMapper;
        this.cleaningGap = catalogue.cleaningGap();
    }

    @EventHandler
    void on(LocationCreatedEvent event) {
        entries.save(new LookupEntry(event.locationId().value(), LookupEntry.Kind.LOCATION, null));
    }

    @EventHandler
    void on(LocationRetiredEvent event) {
        entries.findById(event.locationId().value()).ifPresent(LookupEntry::retire);
    }

    @EventHandler
    void on(CinemaCreatedEvent event) {
        LookupEntry entry = new LookupEntry(
                event.cinemaId().value(),
                LookupEntry.Kind.CINEMA,
                event.locationId().value());
        entry.timeZone(event.timeZone().getId());
        entries.save(entry);
    }

    @EventHandler
    void on(CinemaUpdatedEvent event) {
        entries.findById(event.cinemaId().value())
                .ifPresent(entry -> entry.timeZone(event.timeZone().getId()));
    }

    @EventHandler
    void on(dev.cinema.contracts.catalogue.cinema.SeatingPolicyChangedEvent event) {
        entries.findById(event.cinemaId().value())
                .ifPresent(entry -> entry.preventStrandedSeats(event.preventStrandedSeats()));
    }

    @EventHandler
    void on(CinemaRetiredEvent event) {
        entries.findById(event.cinemaId().value()).ifPresent(LookupEntry::retire);
    }

    @EventHandler
    void on(ScreenCreatedEvent event) {
        LookupEntry entry = new LookupEntry(
                event.screenId().value(),
                LookupEntry.Kind.SCREEN,
                event.cinemaId().value());
        entry.layoutJson(json(event.layout()));
        entries.save(entry);
    }

    @EventHandler
    void on(ScreenUpdatedEvent event) {
        entries.findById(event.screenId().value()).ifPresent(entry -> entry.layoutJson(json(event.layout())));
    }

    @EventHandler
    void on(ScreenRetiredEvent event) {
        entries.findById(event.screenId().value()).ifPresent(LookupEntry::retire);
    }

    @EventHandler
    void on(FilmCreatedEvent event) {
        LookupEntry entry = new LookupEntry(event.filmId().value(), LookupEntry.Kind.FILM, null);
        entry.runtimeMinutes(event.runtimeMinutes());
        entries.save(entry);
    }

    @EventHandler
    void on(FilmUpdatedEvent event) {
        entries.findById(event.filmId().value()).ifPresent(entry -> entry.runtimeMinutes(event.runtimeMinutes()));
    }

    @EventHandler
    void on(FilmRetiredEvent event) {
        entries.findById(event.filmId().value()).ifPresent(LookupEntry::retire);
    }

    @EventHandler
    void on(ScreeningScheduledEvent event) {
        slots.save(new ScreenSlot(
                event.screeningId().value(),
                event.screenId().value(),
                event.filmId().value(),
                event.startsAt(),
                event.endsAt(),
                occupiedUntil(event.endsAt())));
    }

    @EventHandler
    void on(ScreeningRescheduledEvent event) {
        slots.findById(event.screeningId().value())
                .ifPresent(slot -> slot.move(event.startsAt(), event.endsAt(), occupiedUntil(event.endsAt())));
    }

    @EventHandler
    void on(ScreeningCancelledEvent event) {
        slots.findById(event.screeningId().value()).ifPresent(ScreenSlot::cancel);
    }

    /** A screen is busy until the film ends and the room has been cleaned. */
    Instant occupiedUntil(Instant filmEndsAt) {
        return filmEndsAt.plus(cleaningGap);
    }

    private String json(SeatLayout layout) {
        try {
            return objectMapper.writeValueAsString(layout);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a seat layout", e);
        }
    }
}
