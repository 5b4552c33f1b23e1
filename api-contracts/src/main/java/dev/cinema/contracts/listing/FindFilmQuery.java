package dev.cinema.contracts.listing;

/** Finds one active film; answers null when there is none. */
public record FindFilmQuery(String filmId) {}
