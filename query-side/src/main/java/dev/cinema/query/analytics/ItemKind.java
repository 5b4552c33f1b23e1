package dev.cinema.query.analytics;

/** The catalogue items an analytics projection keeps its own copies of, to name its groups. */
enum ItemKind {
    FILM,
    CINEMA,
    LOCATION
}
