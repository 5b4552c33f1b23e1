package dev.cinema.contracts.catalogue.film;

/**
 * Every event the Film aggregate applies. Sealed, so that a new one has to be added here, and the
 * event coverage test then asks every read model that shows films what it does with it.
 */
public sealed interface FilmEvent permits FilmCreatedEvent, FilmUpdatedEvent, FilmRetiredEvent {

    FilmId filmId();
}
