package dev.cinema.contracts.favourite;

import dev.cinema.contracts.account.AccountId;

/** The customer made the film, cinema or location {@code itemId} a favourite. Never applied twice in a row for one item. */
public record FavouriteAddedEvent(FavouritesId favouritesId, AccountId customerId, FavouriteKind kind, String itemId)
        implements FavouritesEvent {}
