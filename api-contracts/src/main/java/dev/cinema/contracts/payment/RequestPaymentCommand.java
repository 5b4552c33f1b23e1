package dev.cinema.contracts.payment;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a customer's attempt to pay for a held booking with a payment-method token of the provider (never a card number). */
public record RequestPaymentCommand(
        @TargetAggregateIdentifier PaymentId paymentId,
        BookingId bookingId,
        AccountId customerId,
        String paymentMethod) {}
