package dev.cinema.contracts.booking;

import dev.cinema.contracts.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The customer lets a hold go before paying. */
public record CancelBookingCommand(
        @TargetAggregateIdentifier BookingId bookingId, AccountId customerId) {}
