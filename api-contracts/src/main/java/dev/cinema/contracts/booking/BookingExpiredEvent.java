package dev.cinema.contracts.booking;

import dev.cinema.contracts.catalogue.screening.ScreeningId;

/** The hold ran out before payment. */
public record BookingExpiredEvent(BookingId bookingId, ScreeningId screeningId) implements BookingEvent {}
