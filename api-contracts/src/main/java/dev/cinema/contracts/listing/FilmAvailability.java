package dev.cinema.contracts.listing;

/**
 * NOW_SHOWING: released and with a screening on sale from the instant asked about. COMING_SOON:
 * released after that instant. ALL: every active film.
 */
public enum FilmAvailability {
    NOW_SHOWING,
    COMING_SOON,
    ALL
}
