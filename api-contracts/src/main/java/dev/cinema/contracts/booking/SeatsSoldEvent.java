package dev.cinema.contracts.booking;

import dev.cinema.contracts.catalogue.screening.ScreeningEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import java.util.List;

/** Held seats were sold to the booking that held them. */
public record SeatsSoldEvent(ScreeningId screeningId, BookingId bookingId, List<String> seats)
        implements ScreeningEvent {}
