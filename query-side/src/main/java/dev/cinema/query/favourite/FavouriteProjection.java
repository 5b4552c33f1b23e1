package dev.cinema.query.favourite;

import dev.cinema.contracts.catalogue.cinema.CinemaCreatedEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaRetiredEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaUpdatedEvent;
import dev.cinema.contracts.catalogue.film.FilmCreatedEvent;
import dev.cinema.contracts.catalogue.film.FilmRetiredEvent;
import dev.cinema.contracts.catalogue.film.FilmUpdatedEvent;
import dev.cinema.contracts.catalogue.location.LocationCreatedEvent;
import dev.cinema.contracts.catalogue.location.LocationRenamedEvent;
import dev.cinema.contracts.catalogue.location.LocationRetiredEvent;
import dev.cinema.contracts.favourite.FavouriteAddedEvent;
import dev.cinema.contracts.favourite.FavouriteKind;
import dev.cinema.contracts.favourite.FavouriteRemovedEvent;
import dev.cinema.query.rebuild.Rebuildable;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Folds each customer's favourites, with the names of the films, cinemas and locations they are
 * shown with, kept in this projection's own table (joined when read, so a rename reaches every
 * favourite, and it does not matter whether an item or a favourite of it is folded first).
 * Delivery is at least once: a favourite's row remembers the sequence number of the last event of
 * the customer's favourites folded into it and skips any event at or below it; catalogue handlers
 * set state.
 */
@Component
@Rebuildable(
        name = "favourites",
        tables = {"customer_favourite", "favourite_item"})
@ProcessingGroup(FavouriteProjection.NAME)
class FavouriteProjection {

    static final String NAME = "query-favourites";

    private final FavouriteRows favourites;
    private final FavouriteItemRows items;

    FavouriteProjection(FavouriteRows favourites, FavouriteItemRows items) {
        this.favourites = favourites;
        this.items = items;
    }

    @EventHandler
    void on(FavouriteAddedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        FavouriteRow row = row(event.customerId().value(), event.kind(), event.itemId());
        if (sequence > row.version) {
            row.present = true;
            row.addedAt = at;
            row.version = sequence;
            favourites.save(row);
        }
    }

    @EventHandler
    void on(FavouriteRemovedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        FavouriteRow row = row(event.customerId().value(), event.kind(), event.itemId());
        if (sequence > row.version) {
            row.present = false;
            if (row.addedAt == null) {
                row.addedAt = at;
            }
            row.version = sequence;
            favourites.save(row);
        }
    }

    @EventHandler
    void on(FilmCreatedEvent event) {
        item(FavouriteKind.FILM, event.filmId().value(), event.title());
    }

    @EventHandler
    void on(FilmUpdatedEvent event) {
        item(FavouriteKind.FILM, event.filmId().value(), event.title());
    }

    @EventHandler
    void on(FilmRetiredEvent event) {
        retire(FavouriteKind.FILM, event.filmId().value());
    }

    @EventHandler
    void on(CinemaCreatedEvent event) {
        item(FavouriteKind.CINEMA, event.cinemaId().value(), event.name());
    }

    @EventHandler
    void on(CinemaUpdatedEvent event) {
        item(FavouriteKind.CINEMA, event.cinemaId().value(), event.name());
    }

    @EventHandler
    void on(CinemaRetiredEvent event) {
        retire(FavouriteKind.CINEMA, event.cinemaId().value());
    }

    @EventHandler
    void on(LocationCreatedEvent event) {
        item(FavouriteKind.LOCATION, event.locationId().value(), event.name());
    }

    @EventHandler
    void on(LocationRenamedEvent event) {
        item(FavouriteKind.LOCATION, event.locationId().value(), event.name());
    }

    @EventHandler
    void on(LocationRetiredEvent event) {
        retire(FavouriteKind.LOCATION, event.locationId().value());
    }

    /** A replay starts from empty tables. */
    @ResetHandler
    void reset() {
        favourites.deleteAllInBatch();
        items.deleteAllInBatch();
    }

    private FavouriteRow row(String customerId, FavouriteKind kind, String itemId) {
        return favourites
                .findById(FavouriteRow.key(customerId, kind, itemId))
                .orElseGet(() -> new FavouriteRow(customerId, kind, itemId));
    }

    private void item(FavouriteKind kind, String itemId, String name) {
        FavouriteItemRow row =
                items.findById(FavouriteItemRow.key(kind, itemId)).orElseGet(() -> new FavouriteItemRow(kind, itemId));
        row.name = name;
        items.save(row);
    }

    private void retire(FavouriteKind kind, String itemId) {
        items.findById(FavouriteItemRow.key(kind, itemId)).ifPresent(row -> row.retired = true);
    }
}
