package dev.cinema.contracts.booking;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.common.Money;
import java.time.Instant;
import java.util.List;

/** A booking was placed: its seats are held until {@code expiresAt}, awaiting payment. */
public record BookingPlacedEvent(
        BookingId bookingId,
        ScreeningId screeningId,
        AccountId customerId,
        List<SeatPrice> seats,
        Money total,
        Instant expiresAt)
        implements BookingEvent {}
