package dev.cinema.contracts.booking;

import dev.cinema.contracts.catalogue.screening.ScreeningId;
import java.util.List;

/** Paid seats were returned and refunded; {@code remaining} are the seats the booking still has. */
public record BookingSeatsReturnedEvent(
        BookingId bookingId, ScreeningId screeningId, List<String> seats, List<SeatPrice> remaining)
        implements BookingEvent {}
