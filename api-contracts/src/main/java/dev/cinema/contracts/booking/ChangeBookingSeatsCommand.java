package dev.cinema.contracts.booking;

import dev.cinema.contracts.account.AccountId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The customer adds and removes seats while holding; the result must still be all free and within limits. */
public record ChangeBookingSeatsCommand(
        @TargetAggregateIdentifier BookingId bookingId, AccountId customerId, List<String> add, List<String> remove) {}
