package dev.cinema.contracts.payment;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.common.Money;

/** The provider declined the payment; nothing was charged. */
public record PaymentDeclinedEvent(
        PaymentId paymentId, BookingId bookingId, AccountId customerId, Money amount, String reason)
        implements PaymentEvent {}
