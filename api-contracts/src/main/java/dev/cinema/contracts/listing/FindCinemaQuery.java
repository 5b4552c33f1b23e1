package dev.cinema.contracts.listing;

/** Finds one active cinema; answers null when there is none. */
public record FindCinemaQuery(String cinemaId) {}
