package dev.cinema.contracts.favourite;

/**
 * Every event the Favourites aggregate applies. Sealed, so that a new one has to be added here,
 * and the event coverage test then asks every read model that shows favourites what it does with
 * it. Each says whose favourite (customer), what kind and which item, so that a consumer (alerts
 * about new screenings of favourite films, for one) needs nothing else.
 */
public sealed interface FavouritesEvent permits FavouriteAddedEvent, FavouriteRemovedEvent {

    FavouritesId favouritesId();
}
