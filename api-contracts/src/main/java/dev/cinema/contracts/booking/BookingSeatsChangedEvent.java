package dev.cinema.contracts.booking;

import dev.cinema.contracts.common.Money;
import java.util.List;

/** The seats of a booking changed while it was held; {@code seats} is the whole new list. */
public record BookingSeatsChangedEvent(BookingId bookingId, List<SeatPrice> seats, Money total)
        implements BookingEvent {}
