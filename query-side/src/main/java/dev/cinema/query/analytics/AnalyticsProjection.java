package dev.cinema.query.analytics;

import dev.cinema.contracts.catalogue.cinema.CinemaCreatedEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaUpdatedEvent;
import dev.cinema.contracts.catalogue.film.FilmCreatedEvent;
import dev.cinema.contracts.catalogue.film.FilmUpdatedEvent;
import dev.cinema.contracts.catalogue.location.LocationCreatedEvent;
import dev.cinema.contracts.catalogue.location.LocationRenamedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * What the three analytics projections share: each keeps its own copies of the catalogue facts it
 * names its groups with (film titles, cinema names, locations and zones, location names), in a table
 * of its own, and finds the local day of a fact in its cinema's zone. Retirements change nothing:
 * a report keeps naming what was sold, retired or not. Every item remembers the sequence number of
 * its last event folded, so a repeated or older event is skipped.
 *
 * <p>A fact's local day is computed when it is folded, in the zone its cinema has then; when a
 * cinema's zone changes (a correction: cinemas do not move) the subclass recomputes the days of
 * that cinema's facts, so that the rows never depend on the order in which the two arrive.
 */
abstract class AnalyticsProjection<T extends ItemRow> {

    private final ItemRows<T> items;
    private final Function<ItemKey, T> newItem;

    AnalyticsProjection(ItemRows<T> items, Function<ItemKey, T> newItem) {
        this.items = items;
        this.newItem = newItem;
    }

    @EventHandler
    void on(LocationCreatedEvent event, @SequenceNumber long sequence) {
        item(ItemKind.LOCATION, event.locationId().value(), sequence, row -> row.name = event.name());
    }

    @EventHandler
    void on(LocationRenamedEvent event, @SequenceNumber long sequence) {
        item(ItemKind.LOCATION, event.locationId().value(), sequence, row -> row.name = event.name());
    }

    @EventHandler
    void on(CinemaCreatedEvent event, @SequenceNumber long sequence) {
        item(ItemKind.CINEMA, event.cinemaId().value(), sequence, row -> {
            row.name = event.name();
            row.locationId = event.locationId().value();
            row.timeZone = event.timeZone().getId();
        });
    }

    @EventHandler
    void on(CinemaUpdatedEvent event, @SequenceNumber long sequence) {
        String cinemaId = event.cinemaId().value();
        item(ItemKind.CINEMA, cinemaId, sequence, row -> {
            String before = row.timeZone;
            row.name = event.name();
            row.timeZone = event.timeZone().getId();
            if (before != null && !before.equals(row.timeZone)) {
                zoneChanged(cinemaId, event.timeZone());
            }
        });
    }

    @EventHandler
    void on(FilmCreatedEvent event, @SequenceNumber long sequence) {
        item(ItemKind.FILM, event.filmId().value(), sequence, row -> row.name = event.title());
    }

    @EventHandler
    void on(FilmUpdatedEvent event, @SequenceNumber long sequence) {
        item(ItemKind.FILM, event.filmId().value(), sequence, row -> row.name = event.title());
    }

    /** The days of the facts at {@code cinemaId} are to be found again in its new {@code zone}. */
    abstract void zoneChanged(String cinemaId, ZoneId zone);

    /** The cinema as this projection knows it (its location and zone). */
    final Optional<T> cinema(String cinemaId) {
        return cinemaId == null ? Optional.empty() : items.findById(new ItemKey(ItemKind.CINEMA, cinemaId));
    }

    /** The local day of {@code at} in the cinema's zone (UTC for a cinema this projection never saw). */
    final LocalDate dayAt(Instant at, String cinemaId) {
        ZoneId zone = cinema(cinemaId).map(row -> row.timeZone).map(ZoneId::of).orElse(ZoneOffset.UTC);
        return at.atZone(zone).toLocalDate();
    }

    static LocalDate dayAt(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }

    /** Empties the catalogue copies (part of the subclass's reset). */
    final void resetItems() {
        items.deleteAllInBatch();
    }

    private void item(ItemKind kind, String id, long sequence, Consumer<T> change) {
        ItemKey key = new ItemKey(kind, id);
        Optional<T> existing = items.findById(key);
        if (existing.isPresent() && sequence <= existing.get().version) {
            return;
        }
        T row = existing.orElseGet(() -> newItem.apply(key));
        change.accept(row);
        row.version = sequence;
        items.save(row);
    }
}
