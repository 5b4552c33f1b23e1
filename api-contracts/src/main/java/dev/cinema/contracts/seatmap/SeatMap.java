package dev.cinema.contracts.seatmap;

import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.listing.ScreeningStatus;
import java.util.List;
import java.util.Map;

/** The seat map of a screening: its layout with each seat's state, prices per type and counts. */
public record SeatMap(
        String screeningId,
        ScreeningStatus status,
        List<SeatMapRow> rows,
        Map<SeatType, Money> prices,
        int totalSeats,
        int freeSeats,
        long version) {}
