package dev.cinema.contracts.catalogue.screen;

import dev.cinema.contracts.catalogue.cinema.CinemaId;

/** A screen was created. */
public record ScreenCreatedEvent(
        ScreenId screenId, CinemaId cinemaId, String name, ScreenFormat format, SeatLayout layout)
        implements ScreenEvent {}
