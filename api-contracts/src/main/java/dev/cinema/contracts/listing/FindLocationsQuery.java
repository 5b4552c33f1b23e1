package dev.cinema.contracts.listing;

/** Lists active locations. */
public record FindLocationsQuery(Paging paging) {}
