package dev.cinema.contracts.favourite;

/** What a favourite is: a film, a cinema or a location (its item id is that catalogue item's id). */
public enum FavouriteKind {
    FILM,
    CINEMA,
    LOCATION
}
