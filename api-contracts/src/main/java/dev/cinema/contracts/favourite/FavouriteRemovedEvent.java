package dev.cinema.contracts.favourite;

import dev.cinema.contracts.account.AccountId;

/** The film, cinema or location {@code itemId} is no longer one of the customer's favourites. */
public record FavouriteRemovedEvent(FavouritesId favouritesId, AccountId customerId, FavouriteKind kind, String itemId)
        implements FavouritesEvent {}
