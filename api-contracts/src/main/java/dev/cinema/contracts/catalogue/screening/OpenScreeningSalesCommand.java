package dev.cinema.contracts.catalogue.screening;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts a scheduled screening on sale. */
public record OpenScreeningSalesCommand(
        @TargetAggregateIdentifier ScreeningId screeningId) {}
