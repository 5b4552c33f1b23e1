package dev.cinema.contracts.catalogue.cinema;

/** A cinema was retired. */
public record CinemaRetiredEvent(CinemaId cinemaId) implements CinemaEvent {}
