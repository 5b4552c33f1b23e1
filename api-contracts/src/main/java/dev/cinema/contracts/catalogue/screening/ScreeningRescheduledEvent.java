package dev.cinema.contracts.catalogue.screening;

import dev.cinema.contracts.catalogue.screen.ScreenId;
import java.time.Instant;

/** A screening moved to another start instant. */
public record ScreeningRescheduledEvent(ScreeningId screeningId, ScreenId screenId, Instant startsAt, Instant endsAt)
        implements ScreeningEvent {}
