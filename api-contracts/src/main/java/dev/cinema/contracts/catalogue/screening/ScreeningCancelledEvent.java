package dev.cinema.contracts.catalogue.screening;

import dev.cinema.contracts.catalogue.screen.ScreenId;

/** A screening was cancelled. */
public record ScreeningCancelledEvent(ScreeningId screeningId, ScreenId screenId, String reason)
        implements ScreeningEvent {}
