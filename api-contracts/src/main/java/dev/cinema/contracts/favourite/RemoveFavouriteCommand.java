package dev.cinema.contracts.favourite;

import dev.cinema.contracts.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Removes a film, cinema or location from the customer's favourites; nothing happens if it is not one. */
public record RemoveFavouriteCommand(
        @TargetAggregateIdentifier FavouritesId favouritesId,
        AccountId customerId,
        FavouriteKind kind,
        String itemId) {}
