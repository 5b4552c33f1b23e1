package dev.cinema.contracts.catalogue.location;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Retires a location: it disappears from listings; its history stays. */
public record RetireLocationCommand(
        @TargetAggregateIdentifier LocationId locationId) {}
