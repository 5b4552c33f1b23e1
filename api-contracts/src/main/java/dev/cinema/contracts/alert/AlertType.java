package dev.cinema.contracts.alert;

/** What an alert tells its customer. Stored by name in every {@link AlertRaisedEvent}: never rename one. */
public enum AlertType {
    /** The booking was paid and its seats are sold. */
    BOOKING_CONFIRMED,
    /** The hold runs out soon and the booking is still unpaid. */
    HOLD_EXPIRING,
    /** The hold ran out before payment; the seats are free again. */
    HOLD_EXPIRED,
    /** The payment provider declined a payment; the hold stays until it runs out. */
    PAYMENT_DECLINED,
    /** A payment arrived after its hold had run out and was refunded at once. */
    LATE_PAYMENT_REFUNDED,
    /** A refund the customer asked for was paid back. */
    REFUND_COMPLETED,
    /** The provider could not make a refund yet; it is retried by itself. */
    REFUND_FAILED,
    /** The cinema cancelled a screening the customer had booked: what was refunded, or that the hold was released. */
    SCREENING_CANCELLED,
    /** A screening the customer has paid for moved to another start. */
    SCREENING_RESCHEDULED,
    /** A favourite film was newly scheduled at a favourite cinema or in a favourite location. */
    NEW_SCREENING_OF_FAVOURITE
}
