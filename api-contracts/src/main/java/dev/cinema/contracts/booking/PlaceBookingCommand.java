package dev.cinema.contracts.booking;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A customer holds seats of one screening: all of them or none. {@code bookingId} names the new booking. */
public record PlaceBookingCommand(
        @TargetAggregateIdentifier BookingId bookingId,
        ScreeningId screeningId,
        AccountId customerId,
        List<String> seats) {}
