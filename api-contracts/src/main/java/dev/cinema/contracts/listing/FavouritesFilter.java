package dev.cinema.contracts.listing;

import java.util.Set;

/**
 * Narrows a listing to a customer's favourites: films among {@code filmIds}; screenings of a
 * favourite film, or at a favourite cinema, or in a favourite location.
 */
public record FavouritesFilter(Set<String> filmIds, Set<String> cinemaIds, Set<String> locationIds) {

    public FavouritesFilter {
        filmIds = Set.copyOf(filmIds);
        cinemaIds = Set.copyOf(cinemaIds);
        locationIds = Set.copyOf(locationIds);
    }
}
