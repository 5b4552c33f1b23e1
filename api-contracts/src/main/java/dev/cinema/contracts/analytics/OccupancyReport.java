package dev.cinema.contracts.analytics;

import java.util.List;

/** Occupancy of the screenings of a period, one row per group. */
public record OccupancyReport(String from, String to, String groupBy, List<OccupancyRow> rows) {}
