package dev.cinema.contracts.payment;

/** Where a payment stands. */
public enum PaymentStatus {
    /** Recorded, not yet answered by the payment service provider. */
    REQUESTED,
    CAPTURED,
    DECLINED,
    /** Captured, then given back in full. */
    REFUNDED
}
