package dev.cinema.contracts.catalogue.screening;

import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.common.Money;
import java.util.Map;

/** A screening's prices changed. */
public record ScreeningPricesChangedEvent(ScreeningId screeningId, Map<SeatType, Money> prices)
        implements ScreeningEvent {}
