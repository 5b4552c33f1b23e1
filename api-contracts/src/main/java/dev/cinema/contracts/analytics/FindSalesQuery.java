package dev.cinema.contracts.analytics;

/** Confirmed sales of a period (by the instant each booking was paid), grouped. */
public record FindSalesQuery(AnalyticsPeriod period, AnalyticsGrouping groupBy) {}
