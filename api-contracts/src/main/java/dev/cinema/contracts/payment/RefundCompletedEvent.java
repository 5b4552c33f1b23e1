package dev.cinema.contracts.payment;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.common.Money;

/** The refund was paid back through the provider. */
public record RefundCompletedEvent(
        RefundId refundId,
        BookingId bookingId,
        PaymentId paymentId,
        AccountId customerId,
        Money amount,
        String pspReference)
        implements RefundEvent {}
