package dev.cinema.contracts.booking;

import dev.cinema.contracts.catalogue.screening.ScreeningId;

/** Every seat of the booking was returned and refunded. */
public record BookingRefundedEvent(BookingId bookingId, ScreeningId screeningId) implements BookingEvent {}
