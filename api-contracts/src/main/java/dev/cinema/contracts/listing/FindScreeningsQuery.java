package dev.cinema.contracts.listing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Lists screenings by any combination of cinema, film, location and day (in the cinema's zone);
 * without a day, those starting from {@code from}. With {@code favourites}, only screenings of a
 * favourite film, at a favourite cinema or in a favourite location.
 */
public record FindScreeningsQuery(
        String cinemaId,
        String filmId,
        String locationId,
        LocalDate day,
        Instant from,
        Paging paging,
        FavouritesFilter favourites) {}
