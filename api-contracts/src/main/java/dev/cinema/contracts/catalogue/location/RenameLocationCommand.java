package dev.cinema.contracts.catalogue.location;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Renames a location. */
public record RenameLocationCommand(
        @TargetAggregateIdentifier LocationId locationId, String name) {}
