package dev.cinema.contracts.booking;

import dev.cinema.contracts.common.Money;
import java.time.Instant;
import java.util.List;

/** A booking as its customer sees it. */
public record BookingView(
        String bookingId,
        String screeningId,
        String filmTitle,
        String cinemaName,
        Instant startsAt,
        String localStart,
        List<SeatPrice> seats,
        Money total,
        BookingStatus status,
        Instant expiresAt,
        Instant placedAt) {}
