package dev.cinema.command.alert;

import dev.cinema.contracts.favourite.FavouriteAddedEvent;
import dev.cinema.contracts.favourite.FavouriteRemovedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the alert policy's index of favourites, in the policy's processing group (same processor,
 * same transactions and position), so that a new screening is matched against the favourites as
 * they stood when it was scheduled. Like the booking index it takes part in the processor's first
 * catch-up over history. A set: adding what is there or removing what is not changes nothing.
 */
@Component
@ProcessingGroup(AlertPolicy.GROUP)
class AlertFavouritesUpdater {

    private final AlertFavourites favourites;

    AlertFavouritesUpdater(AlertFavourites favourites) {
        this.favourites = favourites;
    }

    @EventHandler
    void on(FavouriteAddedEvent event) {
        String customer = event.customerId().value();
        if (!favourites.existsById(AlertFavouriteEntry.key(customer, event.kind(), event.itemId()))) {
            favourites.save(new AlertFavouriteEntry(customer, event.kind(), event.itemId()));
        }
    }

    @EventHandler
    void on(FavouriteRemovedEvent event) {
        favourites.deleteById(AlertFavouriteEntry.key(event.customerId().value(), event.kind(), event.itemId()));
    }
}
