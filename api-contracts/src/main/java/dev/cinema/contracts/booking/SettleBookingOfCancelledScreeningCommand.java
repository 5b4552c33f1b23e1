package dev.cinema.contracts.booking;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Settles one booking of a cancelled screening: a held booking is cancelled, a paid one refunded in full. Safe to repeat. */
public record SettleBookingOfCancelledScreeningCommand(
        @TargetAggregateIdentifier BookingId bookingId) {}
