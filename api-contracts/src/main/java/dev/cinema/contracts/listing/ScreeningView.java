package dev.cinema.contracts.listing;

import dev.cinema.contracts.catalogue.screen.ScreenFormat;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.common.Money;
import java.time.Instant;
import java.util.Map;

/** A screening in listings; {@code localStart} is the start in the cinema's zone. */
public record ScreeningView(
        String id,
        String filmId,
        String filmTitle,
        String cinemaId,
        String cinemaName,
        String locationId,
        String screenId,
        String screenName,
        ScreenFormat format,
        Instant startsAt,
        Instant endsAt,
        String localStart,
        String timeZone,
        Map<SeatType, Money> prices,
        ScreeningStatus status,
        int totalSeats,
        int freeSeats) {}
