package dev.cinema.contracts.catalogue.film;

/** A film was retired. */
public record FilmRetiredEvent(FilmId filmId) implements FilmEvent {}
