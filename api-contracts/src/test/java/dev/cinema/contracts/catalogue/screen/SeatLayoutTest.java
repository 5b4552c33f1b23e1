package dev.cinema.contracts.catalogue.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeatLayoutTest {

    @Test
    void seatsAreNamedByRowLabelFollowedByNumber() {
        SeatLayout layout = new SeatLayout(List.of(new SeatRow(
                "F", List.of(LayoutCell.seat("12", SeatType.STANDARD), LayoutCell.seat("13A", SeatType.COUPLE)))));

        assertThat(layout.seats())
                .extracting(
                        SeatLayout.Seat::label, SeatLayout.Seat::row, SeatLayout.Seat::number, SeatLayout.Seat::type)
                .containsExactly(
                        tuple("F12", "F", "12", SeatType.STANDARD), tuple("F13A", "F", "13A", SeatType.COUPLE));
    }

    @Test
    void gapsAreNotSeats() {
        SeatLayout layout = new SeatLayout(List.of(
                new SeatRow(
                        "A",
                        List.of(
                                LayoutCell.gap(),
                                LayoutCell.seat("1", SeatType.STANDARD),
                                LayoutCell.gap(),
                                LayoutCell.seat("2", SeatType.WHEELCHAIR),
                                LayoutCell.gap())),
                new SeatRow("B", List.of(LayoutCell.gap(), LayoutCell.gap()))));

        assertThat(layout.seats()).extracting(SeatLayout.Seat::label).containsExactly("A1", "A2");
    }

    @Test
    void seatsKeepLayoutOrderRowByRowThenLeftToRight() {
        // Deliberately not alphabetical: the front row is the first one given, whatever its label.
        SeatLayout layout = new SeatLayout(List.of(
                new SeatRow(
                        "C", List.of(LayoutCell.seat("3", SeatType.STANDARD), LayoutCell.seat("1", SeatType.STANDARD))),
                new SeatRow(
                        "A",
                        List.of(
                                LayoutCell.seat("2", SeatType.PREMIUM),
                                LayoutCell.gap(),
                                LayoutCell.seat("1", SeatType.PREMIUM)))));

        assertThat(layout.seats()).extracting(SeatLayout.Seat::label).containsExactly("C3", "C1", "A2", "A1");
    }

    @Test
    void aLayoutWithoutRowsHasNoSeats() {
        assertThat(new SeatLayout(null).seats()).isEmpty();
        assertThat(new SeatLayout(List.of()).seats()).isEmpty();
    }

    @Test
    void laterChangesToTheGivenRowListDoNotAlterTheLayout() {
        // Layouts are copied into events: a caller mutating its list afterwards must not rewrite history.
        List<SeatRow> rows = new ArrayList<>();
        rows.add(new SeatRow("A", List.of(LayoutCell.seat("1", SeatType.STANDARD))));
        SeatLayout layout = new SeatLayout(rows);

        rows.add(new SeatRow("B", List.of(LayoutCell.seat("1", SeatType.STANDARD))));

        assertThat(layout.seats()).extracting(SeatLayout.Seat::label).containsExactly("A1");
    }
}
