package dev.cinema.contracts.listing;

/** Finds one screen, also a retired one; answers null when there is none. */
public record FindScreenQuery(String screenId) {}
