package dev.cinema.command.catalogue.screen;

import dev.cinema.contracts.catalogue.screen.LayoutCell;
import dev.cinema.contracts.catalogue.screen.SeatLayout;
import dev.cinema.contracts.catalogue.screen.SeatRow;
import dev.cinema.platform.refusal.Refusal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What makes a seat layout usable: labelled rows, uniquely named seats, a typed seat in every
 * non-gap cell, at least one seat, and bounds that keep a seat map renderable. Returns the layout
 * normalised (labels trimmed and upper-cased) so that "f12" and "F12" are one seat. Null rows and
 * cells never get here: the layout records refuse them while the request body is read.
 */
final class SeatLayoutRules {

    static final int MAX_ROWS = 30;
    static final int MAX_CELLS_PER_ROW = 50;
    private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("[A-Z]{1,3}");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[0-9]{1,3}[A-Z]?");

    private SeatLayoutRules() {}

    static SeatLayout normalised(SeatLayout layout) {
        if (layout == null || layout.rows().isEmpty()) {
            throw invalid("layout.rows", "layout must have at least one row");
        }
        if (layout.rows().size() > MAX_ROWS) {
            throw invalid("layout.rows", "layout must have at most " + MAX_ROWS + " rows");
        }
        Set<String> rowLabels = new HashSet<>();
        List<SeatRow> rows = new ArrayList<>();
        int seats = 0;
        for (int r = 0; r < layout.rows().size(); r++) {
            SeatRow row = layout.rows().get(r);
            String at = "layout.rows[" + r + "]";
            String label = SeatLabel.normalise(row.label());
            if (!LABEL.matcher(label).matches()) {
                throw invalid(at + ".label", "row label must be 1 to 3 letters");
            }
            if (!rowLabels.add(label)) {
                throw invalid(at + ".label", "row label " + label + " is used twice");
            }
            if (row.cells().isEmpty() || row.cells().size() > MAX_CELLS_PER_ROW) {
                throw invalid(at + ".cells", "a row must have 1 to " + MAX_CELLS_PER_ROW + " cells");
            }
            Set<String> numbers = new HashSet<>();
            List<LayoutCell> cells = new ArrayList<>();
            for (int c = 0; c < row.cells().size(); c++) {
                LayoutCell cell = row.cells().get(c);
                String cellAt = at + ".cells[" + c + "]";
                if (cell.kind() == null) {
                    throw invalid(cellAt + ".kind", "cell kind must be SEAT or GAP");
                }
                if (!cell.sellable()) {
                    cells.add(LayoutCell.gap());
                    continue;
                }
                String number = SeatLabel.normalise(cell.number());
                if (!NUMBER.matcher(number).matches()) {
                    throw invalid(cellAt + ".number", "seat number must be 1 to 3 digits, optionally one letter");
                }
                if (!numbers.add(number)) {
                    throw invalid(cellAt + ".number", "seat " + label + number + " appears twice");
                }
                if (cell.type() == null) {
                    throw invalid(cellAt + ".type", "seat type is required");
                }
                cells.add(LayoutCell.seat(number, cell.type()));
                seats++;
            }
            rows.add(new SeatRow(label, cells));
        }
        if (seats == 0) {
            throw invalid("layout.rows", "layout must have at least one seat");
        }
        return new SeatLayout(rows);
    }

    private static Refusal invalid(String field, String message) {
        return new Refusal("invalid-layout", field, message);
    }
}
