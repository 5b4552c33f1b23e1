package dev.cinema.contracts.payment;

/**
 * Every event the Payment aggregate applies. Sealed, so that a new one has to be added here, and
 * the event coverage test then asks every read model that shows payments what it does with it.
 */
public sealed interface PaymentEvent
        permits PaymentRequestedEvent, PaymentCapturedEvent, PaymentDeclinedEvent, PaymentRefundedEvent {

    PaymentId paymentId();
}
