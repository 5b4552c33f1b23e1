package dev.cinema.contracts.catalogue.screening;

import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.common.Money;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces a screening's prices; holds already made keep the price they were quoted. */
public record ChangeScreeningPricesCommand(
        @TargetAggregateIdentifier ScreeningId screeningId, Map<SeatType, Money> prices) {}
