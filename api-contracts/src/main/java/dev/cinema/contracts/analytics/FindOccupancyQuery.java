package dev.cinema.contracts.analytics;

/** Seats sold against capacity of the screenings that start in a period, grouped. */
public record FindOccupancyQuery(AnalyticsPeriod period, AnalyticsGrouping groupBy) {}
