package dev.cinema.contracts.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Attempts a refund again. */
public record RetryRefundCommand(@TargetAggregateIdentifier RefundId refundId) {}
