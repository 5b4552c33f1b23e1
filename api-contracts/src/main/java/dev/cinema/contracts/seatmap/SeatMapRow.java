package dev.cinema.contracts.seatmap;

import java.util.List;

/** One row of the seat map. */
public record SeatMapRow(String label, List<SeatMapCell> cells) {}
