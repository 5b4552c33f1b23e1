package dev.cinema.command.favourite;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.favourite.FavouriteAddedEvent;
import dev.cinema.contracts.favourite.FavouriteKind;
import dev.cinema.contracts.favourite.FavouriteRemovedEvent;
import dev.cinema.contracts.favourite.FavouritesId;
import dev.cinema.platform.refusal.Refusal;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One customer's favourite films, cinemas and locations: one aggregate per customer, created by
 * their first favourite. Adding a favourite twice, or removing one that is not, records nothing,
 * so a repeated request is harmless. At most {@value #MAX_PER_KIND} of each kind, so that the
 * lists can always be answered whole.
 */
@Aggregate
class Favourites {

    static final int MAX_PER_KIND = 100;

    @AggregateIdentifier
    private FavouritesId favouritesId;

    private final Map<FavouriteKind, Set<String>> items = new EnumMap<>(FavouriteKind.class);

    protected Favourites() {}

    /** Answers true when it became a favourite now, false when it was one already. */
    boolean add(FavouritesId id, AccountId customer, FavouriteKind kind, String itemId) {
        Set<String> ofKind = items.getOrDefault(kind, Set.of());
        if (ofKind.contains(itemId)) {
            return false;
        }
        if (ofKind.size() >= MAX_PER_KIND) {
            throw new Refusal(
                    "favourites-full",
                    null,
                    "You keep " + MAX_PER_KIND + " favourites of this kind already; remove one first");
        }
        apply(new FavouriteAddedEvent(id, customer, kind, itemId));
        return true;
    }

    /** Answers true when it was a favourite and is not any more, false when it was not one. */
    boolean remove(AccountId customer, FavouriteKind kind, String itemId) {
        if (!items.getOrDefault(kind, Set.of()).contains(itemId)) {
            return false;
        }
        apply(new FavouriteRemovedEvent(favouritesId, customer, kind, itemId));
        return true;
    }

    @EventSourcingHandler
    void on(FavouriteAddedEvent event) {
        favouritesId = event.favouritesId();
        items.computeIfAbsent(event.kind(), kind -> new HashSet<>()).add(event.itemId());
    }

    @EventSourcingHandler
    void on(FavouriteRemovedEvent event) {
        items.getOrDefault(event.kind(), new HashSet<>()).remove(event.itemId());
    }
}
