package dev.cinema.contracts.listing;

/** Finds one active location; answers null when there is none. */
public record FindLocationQuery(String locationId) {}
