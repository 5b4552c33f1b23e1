package dev.cinema.contracts.listing;

/** Lists the screens of one cinema: the active ones, or retired ones too. */
public record FindScreensQuery(String cinemaId, boolean includeRetired, Paging paging) {}
