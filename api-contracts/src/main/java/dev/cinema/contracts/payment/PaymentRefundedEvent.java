package dev.cinema.contracts.payment;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.common.Money;

/** A captured payment was given back to the customer. */
public record PaymentRefundedEvent(
        PaymentId paymentId,
        BookingId bookingId,
        AccountId customerId,
        Money amount,
        String pspRefundReference,
        String reason)
        implements PaymentEvent {}
