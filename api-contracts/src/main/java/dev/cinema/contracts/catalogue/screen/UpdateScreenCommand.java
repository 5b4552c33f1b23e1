package dev.cinema.contracts.catalogue.screen;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Edits a screen; a new layout applies to screenings scheduled afterwards. */
public record UpdateScreenCommand(
        @TargetAggregateIdentifier ScreenId screenId, String name, ScreenFormat format, SeatLayout layout) {}
