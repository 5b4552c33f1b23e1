package dev.cinema.contracts.catalogue.screening;

/** A screening went on sale. */
public record ScreeningSalesOpenedEvent(ScreeningId screeningId) implements ScreeningEvent {}
