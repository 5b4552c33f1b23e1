package dev.cinema.contracts.catalogue.cinema;

/** A cinema's seating policy changed. */
public record SeatingPolicyChangedEvent(CinemaId cinemaId, boolean preventStrandedSeats) implements CinemaEvent {}
