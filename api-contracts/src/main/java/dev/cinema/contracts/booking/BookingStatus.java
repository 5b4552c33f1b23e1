package dev.cinema.contracts.booking;

/** Where a booking is in its life. */
public enum BookingStatus {
    AWAITING_PAYMENT,
    CONFIRMED,
    EXPIRED,
    CANCELLED,
    REFUNDED
}
