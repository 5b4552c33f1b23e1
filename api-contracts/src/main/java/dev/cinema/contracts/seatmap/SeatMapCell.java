package dev.cinema.contracts.seatmap;

import dev.cinema.contracts.catalogue.screen.SeatType;

/** One cell of a seat map row, in layout order: a seat, or a gap (label null). */
public record SeatMapCell(
        String label,
        String number,
        SeatType type,
        SeatState state) {
}
