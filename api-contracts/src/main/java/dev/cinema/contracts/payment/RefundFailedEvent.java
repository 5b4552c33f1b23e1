package dev.cinema.contracts.payment;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import java.time.Instant;

/** The provider could not refund yet; another attempt is due at {@code retryAt}. */
public record RefundFailedEvent(
        RefundId refundId, BookingId bookingId, AccountId customerId, String reason, int attempt, Instant retryAt)
        implements RefundEvent {}
