package dev.cinema.contracts.booking;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.catalogue.screening.ScreeningEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import java.time.Instant;
import java.util.List;

/** Seats were held for a booking, at the prices then in force, until {@code expiresAt}. */
public record SeatsHeldEvent(
        ScreeningId screeningId, BookingId bookingId, AccountId customerId, List<SeatPrice> seats, Instant expiresAt)
        implements ScreeningEvent {}
