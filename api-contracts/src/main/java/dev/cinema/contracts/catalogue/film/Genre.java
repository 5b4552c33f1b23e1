package dev.cinema.contracts.catalogue.film;

/** Film genres used for browsing. */
public enum Genre {
    ACTION,
    ADVENTURE,
    ANIMATION,
    COMEDY,
    CRIME,
    DOCUMENTARY,
    DRAMA,
    FAMILY,
    FANTASY,
    HORROR,
    MUSICAL,
    MYSTERY,
    ROMANCE,
    SCIENCE_FICTION,
    THRILLER,
    WAR,
    WESTERN
}
