package dev.cinema.contracts.listing;

/** Lists active cinemas, optionally of one location. */
public record FindCinemasQuery(String locationId, Paging paging) {}
