package dev.cinema.contracts.catalogue.screening;

import dev.cinema.contracts.catalogue.film.FilmId;
import dev.cinema.contracts.catalogue.screen.ScreenId;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.common.Money;
import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Schedules a film on a screen at a start instant, with a price per seat type. */
public record ScheduleScreeningCommand(
        @TargetAggregateIdentifier ScreeningId screeningId,
        FilmId filmId,
        ScreenId screenId,
        Instant startsAt,
        Map<SeatType, Money> prices,
        boolean onSale) {}
