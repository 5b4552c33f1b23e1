package dev.cinema.contracts.catalogue.screen;

import dev.cinema.contracts.catalogue.cinema.CinemaId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a screen with its seat layout in a cinema. */
public record CreateScreenCommand(
        @TargetAggregateIdentifier ScreenId screenId,
        CinemaId cinemaId,
        String name,
        ScreenFormat format,
        SeatLayout layout) {}
