package dev.cinema.contracts.booking;

import dev.cinema.contracts.catalogue.screening.ScreeningEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import java.util.List;

/** Held seats became free again. */
public record SeatsReleasedEvent(ScreeningId screeningId, BookingId bookingId, List<String> seats, ReleaseReason reason)
        implements ScreeningEvent {}
