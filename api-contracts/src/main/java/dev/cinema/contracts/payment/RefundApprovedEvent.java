package dev.cinema.contracts.payment;

import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.common.Money;

/** The policy granted the refund: {@code amount} goes back once the provider has refunded it. */
public record RefundApprovedEvent(RefundId refundId, BookingId bookingId, Money amount) implements RefundEvent {}
