package dev.cinema.contracts.booking;

import dev.cinema.contracts.common.Money;
import java.time.Instant;
import java.util.List;

/**
 * A booking as its customer sees it. {@code seats} are the seats it still has; {@code
 * returnedSeats} those given back, at the prices they were bought at; {@code refunded} all the
 * money its payments gave back (a return, a cancelled screening, or a payment that came too late
 * and was refunded at once); {@code screeningCancelled} whether the cinema cancelled the screening.
 */
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
        Instant placedAt,
        List<SeatPrice> returnedSeats,
        Money refunded,
        boolean screeningCancelled) {}
