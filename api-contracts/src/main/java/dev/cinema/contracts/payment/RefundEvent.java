package dev.cinema.contracts.payment;

/**
 * Every event about a Refund: those its aggregate applies, and {@link RefundRetryDueEvent}, which
 * the refund process schedules for its next attempt. Sealed, so that a new one has to be added
 * here, and the event coverage test then asks every read model that shows refunds what it does
 * with it.
 */
public sealed interface RefundEvent
        permits RefundRequestedEvent,
                RefundApprovedEvent,
                RefundRejectedEvent,
                RefundFailedEvent,
                RefundCompletedEvent,
                RefundRetryDueEvent {

    RefundId refundId();
}
