package dev.cinema.contracts.payment;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.common.Money;

/** A payment was requested for a booking, for the booking's total. */
public record PaymentRequestedEvent(
        PaymentId paymentId,
        BookingId bookingId,
        ScreeningId screeningId,
        AccountId customerId,
        Money amount,
        String paymentMethod)
        implements PaymentEvent {}
