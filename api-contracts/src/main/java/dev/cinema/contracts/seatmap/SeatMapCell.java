package dev.cinema.contracts.seatmap;

import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.common.Money;

/** One cell of a seat map row, in layout order: a seat with its current price, or a gap (label null). */
public record SeatMapCell(String label, String number, SeatType type, Money price, SeatState state) {}
