package dev.cinema.command.favourite;

import dev.cinema.command.catalogue.lookup.CatalogueLookup;
import dev.cinema.command.catalogue.lookup.LookupEntry;
import dev.cinema.contracts.favourite.AddFavouriteCommand;
import dev.cinema.contracts.favourite.FavouriteKind;
import dev.cinema.contracts.favourite.FavouritesId;
import dev.cinema.contracts.favourite.RemoveFavouriteCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * A favourite must name a film, cinema or location that is in the catalogue (the command side's
 * catalogue lookup says so); an unknown or retired one is not found, whether it is being added or
 * removed. The customer's favourites are created by their first favourite.
 */
@Component
class KeepingFavourites {

    private final Repository<Favourites> favourites;
    private final CatalogueLookup catalogue;

    KeepingFavourites(Repository<Favourites> favourites, CatalogueLookup catalogue) {
        this.favourites = favourites;
        this.catalogue = catalogue;
    }

    @CommandHandler
    boolean handle(AddFavouriteCommand command) throws Exception {
        requireDerived(command.favouritesId(), FavouritesId.of(command.customerId()));
        catalogue.requireListed(lookupKind(command.kind()), command.itemId());
        return favourites
                .loadOrCreate(command.favouritesId().value(), Favourites::new)
                .invoke(list ->
                        list.add(command.favouritesId(), command.customerId(), command.kind(), command.itemId()));
    }

    @CommandHandler
    boolean handle(RemoveFavouriteCommand command) {
        requireDerived(command.favouritesId(), FavouritesId.of(command.customerId()));
        catalogue.requireListed(lookupKind(command.kind()), command.itemId());
        try {
            return favourites
                    .load(command.favouritesId().value())
                    .invoke(list -> list.remove(command.customerId(), command.kind(), command.itemId()));
        } catch (AggregateNotFoundException e) {
            return false; // no favourites at all yet: nothing to remove
        }
    }

    private static LookupEntry.Kind lookupKind(FavouriteKind kind) {
        return switch (kind) {
            case FILM -> LookupEntry.Kind.FILM;
            case CINEMA -> LookupEntry.Kind.CINEMA;
            case LOCATION -> LookupEntry.Kind.LOCATION;
        };
    }

    /** One aggregate per customer holds only if every door names it by the derived id. */
    private static void requireDerived(FavouritesId given, FavouritesId derived) {
        if (!given.equals(derived)) {
            throw new IllegalArgumentException("A customer's favourites are " + derived + ", not " + given);
        }
    }
}
