package dev.cinema.contracts.booking;

/** Why held seats became free again. */
public enum ReleaseReason {
    /** The hold ran out before payment. */
    EXPIRED,
    /** The customer let the hold go. */
    CANCELLED,
    /** The customer removed these seats from a hold they keep. */
    CHANGED,
    /** The customer returned paid seats and was refunded. */
    REFUNDED,
    /** The screening itself was cancelled. */
    SCREENING_CANCELLED
}
