package dev.cinema.contracts.catalogue.screen;

import java.util.List;

/** A row of the layout, front to back by its position in {@link SeatLayout#rows()}. */
public record SeatRow(String label, List<LayoutCell> cells) {

    public SeatRow {
        cells = cells == null ? List.of() : List.copyOf(cells);
    }
}
