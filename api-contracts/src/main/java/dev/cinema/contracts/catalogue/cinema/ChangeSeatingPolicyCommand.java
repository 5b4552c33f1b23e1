package dev.cinema.contracts.catalogue.cinema;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Turns the "no single empty seat stranded between taken seats" rule on or off for a cinema (on by default). */
public record ChangeSeatingPolicyCommand(
        @TargetAggregateIdentifier CinemaId cinemaId, boolean preventStrandedSeats) {}
