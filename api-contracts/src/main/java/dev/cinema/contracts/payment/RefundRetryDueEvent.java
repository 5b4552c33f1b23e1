package dev.cinema.contracts.payment;

/** Published when a failed refund's next attempt is due (a scheduled event, kept in the database). */
public record RefundRetryDueEvent(RefundId refundId) implements RefundEvent {}
