package dev.cinema.command.catalogue.screen;

import static dev.cinema.command.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.contracts.catalogue.screen.LayoutCell;
import dev.cinema.contracts.catalogue.screen.SeatLayout;
import dev.cinema.contracts.catalogue.screen.SeatRow;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.platform.refusal.Refusal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SeatLayoutRulesTest {

    private static LayoutCell standard(String number) {
        return LayoutCell.seat(number, SeatType.STANDARD);
    }

    private static SeatLayout layout(SeatRow... rows) {
        return new SeatLayout(Arrays.asList(rows));
    }

    private static SeatRow row(String label, LayoutCell... cells) {
        return new SeatRow(label, Arrays.asList(cells));
    }

    private static Refusal refusalAt(String field, ThrowingCallable call) {
        return assertRefused(call, "invalid-layout", field);
    }

    @Test
    void aValidLayoutIsReturnedAsItIs() {
        SeatLayout layout = layout(
                row("A", LayoutCell.seat("1", SeatType.WHEELCHAIR), LayoutCell.gap(), standard("2")),
                row("B", LayoutCell.seat("1", SeatType.COUPLE), LayoutCell.seat("2", SeatType.PREMIUM)));

        assertThat(SeatLayoutRules.normalised(layout)).isEqualTo(layout);
    }

    @Test
    void rowLabelsAndSeatNumbersAreTrimmedAndUpperCased() {
        SeatLayout normalised = SeatLayoutRules.normalised(layout(row(" f ", standard(" 12 "), standard("13a"))));

        assertThat(normalised).isEqualTo(layout(row("F", standard("12"), standard("13A"))));
        assertThat(normalised.seats()).extracting(SeatLayout.Seat::label).containsExactly("F12", "F13A");
    }

    @Test
    void aGapKeepsItsPlaceButLosesAnyNumberOrType() {
        // Only SEAT cells are sellable; whatever else a client sent with a gap is dropped.
        SeatLayout normalised = SeatLayoutRules.normalised(layout(
                row("A", standard("1"), new LayoutCell(LayoutCell.Kind.GAP, "2", SeatType.PREMIUM), standard("3"))));

        assertThat(normalised.rows().get(0).cells()).containsExactly(standard("1"), LayoutCell.gap(), standard("3"));
    }

    @Test
    void theSameSeatNumberTwiceInARowIsRefusedNamingTheSecondCell() {
        Refusal refusal = refusalAt(
                "layout.rows[0].cells[2].number",
                () -> SeatLayoutRules.normalised(layout(row("A", standard("1"), LayoutCell.gap(), standard("1")))));

        assertThat(refusal).hasMessageContaining("A1");
    }

    @Test
    void seatNumbersDifferingOnlyInCaseAreTheSameSeat() {
        refusalAt(
                "layout.rows[1].cells[1].number",
                () -> SeatLayoutRules.normalised(
                        layout(row("A", standard("1")), row("B", standard("7a"), standard("7A ")))));
    }

    @Test
    void theSameSeatNumberInDifferentRowsIsFine() {
        SeatLayout layout = layout(row("A", standard("1")), row("B", standard("1")));

        assertThat(SeatLayoutRules.normalised(layout).seats())
                .extracting(SeatLayout.Seat::label)
                .containsExactly("A1", "B1");
    }

    @Test
    void theSameRowLabelTwiceIsRefusedEvenInAnotherCase() {
        refusalAt(
                "layout.rows[1].label",
                () -> SeatLayoutRules.normalised(layout(row("A", standard("1")), row(" a", standard("2")))));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "A1", "ABCD", "Ä", "-"})
    void aRowLabelMustBeOneToThreeLetters(String label) {
        refusalAt("layout.rows[0].label", () -> SeatLayoutRules.normalised(layout(row(label, standard("1")))));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "1234", "A1", "12AB", "1-2", "½"})
    void aSeatNumberMustBeOneToThreeDigitsWithAnOptionalLetter(String number) {
        refusalAt(
                "layout.rows[0].cells[1].number",
                () -> SeatLayoutRules.normalised(layout(row("A", standard("1"), standard(number)))));
    }

    @Test
    void aSeatWithoutATypeIsRefused() {
        refusalAt(
                "layout.rows[0].cells[0].type",
                () -> SeatLayoutRules.normalised(layout(row("A", LayoutCell.seat("1", null)))));
    }

    @Test
    void aCellWithoutAKindIsRefused() {
        refusalAt(
                "layout.rows[0].cells[1].kind",
                () -> SeatLayoutRules.normalised(
                        layout(row("A", standard("1"), new LayoutCell(null, "2", SeatType.STANDARD)))));
    }

    @Test
    void aMissingOrEmptyLayoutIsRefused() {
        refusalAt("layout.rows", () -> SeatLayoutRules.normalised(null));
        refusalAt("layout.rows", () -> SeatLayoutRules.normalised(new SeatLayout(List.of())));
    }

    @Test
    void aLayoutOfOnlyGapsIsRefused() {
        Refusal refusal = refusalAt(
                "layout.rows",
                () -> SeatLayoutRules.normalised(
                        layout(row("A", LayoutCell.gap()), row("B", LayoutCell.gap(), LayoutCell.gap()))));

        assertThat(refusal).hasMessageContaining("at least one seat");
    }

    @Test
    void aRowWithoutCellsIsRefused() {
        refusalAt("layout.rows[1].cells", () -> SeatLayoutRules.normalised(layout(row("A", standard("1")), row("B"))));
    }

    @Test
    void aRowMayHaveUpToFiftyCells() {
        SeatLayout widest = layout(row("A", numberedSeats(50)));

        assertThat(SeatLayoutRules.normalised(widest).seats()).hasSize(50);
        refusalAt("layout.rows[0].cells", () -> SeatLayoutRules.normalised(layout(row("A", numberedSeats(51)))));
    }

    @Test
    void aLayoutMayHaveUpToThirtyRows() {
        assertThat(SeatLayoutRules.normalised(rows(30)).rows()).hasSize(30);
        refusalAt("layout.rows", () -> SeatLayoutRules.normalised(rows(31)));
    }

    private static LayoutCell[] numberedSeats(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> standard(String.valueOf(n)))
                .toArray(LayoutCell[]::new);
    }

    /** Rows labelled A..Z, then AA, AB, ...: all distinct and valid. */
    private static SeatLayout rows(int count) {
        List<SeatRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String label = i < 26 ? String.valueOf((char) ('A' + i)) : "A" + (char) ('A' + i - 26);
            rows.add(row(label, standard("1")));
        }
        return new SeatLayout(Collections.unmodifiableList(rows));
    }
}
