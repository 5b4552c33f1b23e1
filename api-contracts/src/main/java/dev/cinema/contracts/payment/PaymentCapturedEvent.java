package dev.cinema.contracts.payment;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.common.Money;

/** The provider captured the payment. */
public record PaymentCapturedEvent(
        PaymentId paymentId, BookingId bookingId, AccountId customerId, Money amount, String pspReference)
        implements PaymentEvent {}
