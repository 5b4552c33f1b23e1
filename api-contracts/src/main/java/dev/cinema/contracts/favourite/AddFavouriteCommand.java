package dev.cinema.contracts.favourite;

import dev.cinema.contracts.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Makes a film, cinema or location one of the customer's favourites; nothing happens if it is one already. */
public record AddFavouriteCommand(
        @TargetAggregateIdentifier FavouritesId favouritesId,
        AccountId customerId,
        FavouriteKind kind,
        String itemId) {}
