package dev.cinema.contracts.catalogue.location;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a location (a region that groups cinemas). */
public record CreateLocationCommand(
        @TargetAggregateIdentifier LocationId locationId, String name) {}
