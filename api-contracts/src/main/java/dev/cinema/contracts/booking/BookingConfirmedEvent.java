package dev.cinema.contracts.booking;

import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentId;

/** The booking was paid and its seats sold. */
public record BookingConfirmedEvent(BookingId bookingId, ScreeningId screeningId, PaymentId paymentId, Money total)
        implements BookingEvent {}
