package dev.cinema.contracts.payment;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;

/** The refund was refused by the policy (e.g. too close to the screening); the booking is unchanged. */
public record RefundRejectedEvent(RefundId refundId, BookingId bookingId, AccountId customerId, String reason)
        implements RefundEvent {}
