package dev.cinema.contracts.catalogue.screening;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves a screening to another start instant on the same screen. */
public record RescheduleScreeningCommand(
        @TargetAggregateIdentifier ScreeningId screeningId, Instant startsAt) {}
