package dev.cinema.contracts.listing;

/** Finds one screening, also a cancelled one; answers null when there is none. */
public record FindScreeningQuery(String screeningId) {}
