package dev.cinema.contracts.booking;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import java.time.Instant;

/**
 * The hold runs out at {@code expiresAt} and the booking is still awaiting payment: a reminder,
 * applied by the booking's own persistent deadline a configured time before the expiry. It
 * changes nothing in the booking.
 */
public record BookingHoldExpiringEvent(
        BookingId bookingId, ScreeningId screeningId, AccountId customerId, Instant expiresAt)
        implements BookingEvent {}
