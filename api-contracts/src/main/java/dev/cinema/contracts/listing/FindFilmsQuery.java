package dev.cinema.contracts.listing;

import java.time.Instant;

/** Lists films by availability as of an instant; only a customer's favourite films when {@code favourites} is given. */
public record FindFilmsQuery(FilmAvailability availability, Instant asOf, Paging paging, FavouritesFilter favourites) {}
