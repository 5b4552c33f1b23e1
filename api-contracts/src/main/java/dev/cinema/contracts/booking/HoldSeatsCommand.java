package dev.cinema.contracts.booking;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.catalogue.screening.ScreeningId;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Holds seats on the screening's inventory for a booking, until an instant. */
public record HoldSeatsCommand(
        @TargetAggregateIdentifier ScreeningId screeningId,
        BookingId bookingId,
        AccountId customerId,
        List<String> seats,
        Instant holdUntil) {
}
