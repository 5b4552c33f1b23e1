package dev.cinema.contracts.booking;

import dev.cinema.contracts.catalogue.screening.ScreeningId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Frees the seats a booking holds on a screening (all of them, or only those listed). */
public record ReleaseSeatsCommand(
        @TargetAggregateIdentifier ScreeningId screeningId,
        BookingId bookingId,
        List<String> seats,
        ReleaseReason reason) {}
