package dev.cinema.contracts.catalogue.screening;

import dev.cinema.contracts.catalogue.cinema.CinemaId;
import dev.cinema.contracts.catalogue.film.FilmId;
import dev.cinema.contracts.catalogue.screen.ScreenId;
import dev.cinema.contracts.catalogue.screen.SeatLayout;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.common.Money;
import java.time.Instant;
import java.util.Map;

/** A screening was scheduled. It carries the screen's layout as it was then: later layout edits do not move sold seats. {@code endsAt} is when the film ends. */
public record ScreeningScheduledEvent(
        ScreeningId screeningId,
        FilmId filmId,
        ScreenId screenId,
        CinemaId cinemaId,
        Instant startsAt,
        Instant endsAt,
        SeatLayout layout,
        Map<SeatType, Money> prices,
        boolean onSale)
        implements ScreeningEvent {}
