package dev.cinema.contracts.analytics;

/**
 * What the rows of an analytics report are: one per film, cinema, location, or day (the local day in
 * each cinema's own zone).
 */
public enum AnalyticsGrouping {
    FILM,
    CINEMA,
    LOCATION,
    DAY
}
