package dev.cinema.contracts.catalogue.screen;

import dev.cinema.contracts.catalogue.cinema.CinemaId;

/** A screen was retired. */
public record ScreenRetiredEvent(ScreenId screenId, CinemaId cinemaId) implements ScreenEvent {}
