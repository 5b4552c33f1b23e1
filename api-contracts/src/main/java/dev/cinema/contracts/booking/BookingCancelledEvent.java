package dev.cinema.contracts.booking;

import dev.cinema.contracts.catalogue.screening.ScreeningId;

/** The customer cancelled the booking before paying. */
public record BookingCancelledEvent(BookingId bookingId, ScreeningId screeningId) implements BookingEvent {}
