package dev.cinema.contracts.seatmap;

/** Finds a screening's seat map; answers null when there is none. Also the subscription query of the live seat map. */
public record FindSeatMapQuery(String screeningId) {}
