package dev.cinema.contracts.analytics;

/** Refunds of a period (by the instant each was completed, or requested while not completed), grouped. */
public record FindRefundsQuery(AnalyticsPeriod period, AnalyticsGrouping groupBy) {}
