package dev.cinema.contracts.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks the provider to capture a requested payment; safe to repeat: the provider sees the same idempotency key. */
public record ChargePaymentCommand(
        @TargetAggregateIdentifier PaymentId paymentId) {}
