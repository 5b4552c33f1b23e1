package dev.cinema.contracts.catalogue.screening;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Cancels a screening. */
public record CancelScreeningCommand(
        @TargetAggregateIdentifier ScreeningId screeningId, String reason) {}
