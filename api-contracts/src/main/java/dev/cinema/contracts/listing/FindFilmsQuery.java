package dev.cinema.contracts.listing;

import java.time.Instant;

/** Lists films by availability as of an instant. */
public record FindFilmsQuery(FilmAvailability availability, Instant asOf, Paging paging) {}
