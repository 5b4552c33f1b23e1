package dev.cinema.contracts.catalogue.film;

/** Audience rating of a film (MPA scale). */
public enum AgeRating {
    G,
    PG,
    PG_13,
    R,
    NC_17
}
