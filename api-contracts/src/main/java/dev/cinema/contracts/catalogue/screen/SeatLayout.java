package dev.cinema.contracts.catalogue.screen;

import java.util.ArrayList;
import java.util.List;

/**
 * The physical arrangement of a screen: rows of seats and gaps. A seat is named by its row label
 * followed by its number ("F12"), which is how customers and the seat inventory refer to it.
 */
public record SeatLayout(List<SeatRow> rows) {

    public SeatLayout {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** Every seat of the layout, row by row, in layout order. */
    public List<Seat> seats() {
        List<Seat> seats = new ArrayList<>();
        for (SeatRow row : rows) {
            for (LayoutCell cell : row.cells()) {
                if (cell != null && cell.sellable()) {
                    seats.add(new Seat(row.label() + cell.number(), row.label(), cell.number(), cell.type()));
                }
            }
        }
        return seats;
    }

    /** A sellable seat: {@code label} is its unique name within the layout. */
    public record Seat(String label, String row, String number, SeatType type) {}
}
