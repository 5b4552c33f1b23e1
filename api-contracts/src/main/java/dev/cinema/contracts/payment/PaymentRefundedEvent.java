package dev.cinema.contracts.payment;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.common.Money;

/**
 * A captured payment was given back to the customer. {@code reason} says why: one of the
 * constants below (stored as text in every event: never change one).
 */
public record PaymentRefundedEvent(
        PaymentId paymentId,
        BookingId bookingId,
        AccountId customerId,
        Money amount,
        String pspRefundReference,
        String reason)
        implements PaymentEvent {

    /** The payment came after its hold had run out (or the booking was settled otherwise): refunded at once. */
    public static final String HOLD_EXPIRED = "hold-expired";

    /** The customer returned seats. */
    public static final String CUSTOMER_REFUND = "customer-refund";

    /** The cinema cancelled the screening. */
    public static final String SCREENING_CANCELLED = "screening-cancelled";
}
