package dev.cinema.command.catalogue.screening;

import static dev.cinema.command.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.catalogue.screen.LayoutCell;
import dev.cinema.contracts.catalogue.screen.SeatLayout;
import dev.cinema.contracts.catalogue.screen.SeatRow;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.common.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The seat rules on their own: no fixture, no events, just who has which seat and what may change. */
class SeatAllocationTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofMinutes(10));
    private static final BookingId MINE = BookingId.of("booking-mine");
    private static final BookingId THEIRS = BookingId.of("booking-theirs");
    private static final Money STANDARD = Money.of(1000, "EUR");
    private static final Money PREMIUM = Money.of(1500, "EUR");

    /** Row A: 1 to 5 in one block. Row B: 1-2, an aisle, 3-5 premium. Row C: 1 to 6. */
    private static final SeatLayout LAYOUT = new SeatLayout(List.of(
            new SeatRow("A", seats(1, 5, SeatType.STANDARD)),
            new SeatRow(
                    "B",
                    Stream.of(seats(1, 2, SeatType.STANDARD), List.of(LayoutCell.gap()), seats(3, 5, SeatType.PREMIUM))
                            .flatMap(List::stream)
                            .toList()),
            new SeatRow("C", seats(1, 6, SeatType.STANDARD))));

    private final SeatAllocation seats = SeatAllocation.of(LAYOUT);

    @Test
    void seatsAreNamedAsPeopleWriteThem() {
        assertThat(seats.toHold(MINE, List.of(" a1", "b3"), NOW, true)).containsExactly("A1", "B3");
    }

    @Test
    void unknownSeatsAreNamedInTheRefusal() {
        var refusal = assertRefused(
                () -> seats.toHold(MINE, List.of("A1", "Z9", "A77"), NOW, true), "unknown-seats", "seats");
        assertThat(refusal.details()).containsEntry("unknownSeats", List.of("Z9", "A77"));
    }

    @Test
    void aSeatListedTwiceInAnyWritingIsRefused() {
        assertRefused(() -> seats.toHold(MINE, List.of("A1", "a1"), NOW, true), "duplicate-seat", "seats");
    }

    @Test
    void aHoldTakesOneToTenSeats() {
        assertRefused(() -> seats.toHold(MINE, List.of(), NOW, false), "seat-count", "seats");
        List<String> eleven = List.of("A1", "A2", "A3", "A4", "A5", "C1", "C2", "C3", "C4", "C5", "C6");
        assertRefused(() -> seats.toHold(MINE, eleven, NOW, false), "seat-count", "seats");
        assertThat(seats.toHold(MINE, eleven.subList(0, 10), NOW, false)).hasSize(10);
    }

    @Test
    void aHeldSeatIsTakenUntilItsHoldRunsOutEvenBeforeTheExpiryIsRecorded() {
        seats.held(THEIRS, priced("A1", "A2"), LATER);
        var refusal =
                assertRefused(() -> seats.toHold(MINE, List.of("A2", "A3"), NOW, false), "seats-unavailable", "seats");
        assertThat(refusal.details()).containsEntry("unavailableSeats", List.of("A2"));
        assertThat(seats.toHold(MINE, List.of("A2", "A3"), LATER, false)).containsExactly("A2", "A3");
    }

    @Test
    void aSoldSeatIsNeverFreeAgainUntilItIsReturned() {
        seats.held(THEIRS, priced("A1"), LATER);
        seats.sold(THEIRS, List.of("A1"));
        assertRefused(
                () -> seats.toHold(MINE, List.of("A1"), LATER.plusSeconds(3600), false), "seats-unavailable", "seats");
        seats.released(THEIRS, List.of("A1"));
        assertThat(seats.toHold(MINE, List.of("A1"), NOW, false)).containsExactly("A1");
    }

    @Test
    void aHoldMayNotLeaveOneSeatAloneBetweenTakenSeats() {
        seats.held(THEIRS, priced("A1"), LATER);
        var refusal = assertRefused(() -> seats.toHold(MINE, List.of("A3"), NOW, true), "stranded-seat", "seats");
        assertThat(refusal.details()).containsEntry("strandedSeats", List.of("A2"));
        // Switched off by the cinema, the same hold is fine.
        assertThat(seats.toHold(MINE, List.of("A3"), NOW, false)).containsExactly("A3");
    }

    @Test
    void anAisleOrTheEndOfTheRowStrandsNothing() {
        seats.held(THEIRS, priced("B1"), LATER);
        // B2 sits between B1 and the aisle: B3 across the aisle is not its neighbour.
        assertThat(seats.toHold(MINE, List.of("B3", "B4"), NOW, true)).containsExactly("B3", "B4");
        // A5 ends the row: taking A4 leaves it beside a wall, not between two people.
        assertThat(seats.toHold(MINE, List.of("A3", "A4"), NOW, true)).containsExactly("A3", "A4");
    }

    @Test
    void aSeatSomeoneElseLeftAloneIsNotTheNextCallersFault() {
        seats.held(THEIRS, priced("C1", "C3"), LATER);
        // C2 stands alone already; taking C4 and C5 leaves nobody else alone (C6 ends the row).
        assertThat(seats.toHold(MINE, List.of("C4", "C5"), NOW, true)).containsExactly("C4", "C5");
    }

    @Test
    void aChangeIsCheckedOnTheWholeResult() {
        seats.held(MINE, priced("A1", "A2"), LATER);
        SeatAllocation.Change change =
                seats.toChange(MINE, Set.of("A1", "A2"), List.of("a3"), List.of("A1"), NOW, true);
        assertThat(change.adding()).containsExactly("A3");
        assertThat(change.removing()).containsExactly("A1");
        assertThat(change.expiresAt()).isEqualTo(LATER);
    }

    @Test
    void aChangeMayNotFreeASeatThatWouldThenStandAlone() {
        seats.held(MINE, priced("A1", "A2", "A3"), LATER);
        var refusal = assertRefused(
                () -> seats.toChange(MINE, Set.of("A1", "A2", "A3"), List.of(), List.of("A2"), NOW, true),
                "stranded-seat",
                "seats");
        assertThat(refusal.details()).containsEntry("strandedSeats", List.of("A2"));
    }

    @Test
    void aChangeMayOnlyRemoveSeatsOfThisBookingAndKeepsOneToTen() {
        seats.held(MINE, priced("A1"), LATER);
        assertRefused(
                () -> seats.toChange(MINE, Set.of("A1"), List.of(), List.of("A2"), NOW, false),
                "seats-not-in-booking",
                "remove");
        assertRefused(
                () -> seats.toChange(MINE, Set.of("A1"), List.of(), List.of("A1"), NOW, false), "seat-count", "add");
    }

    @Test
    void aHoldThatRanOutCanNoLongerChange() {
        seats.held(MINE, priced("A1"), LATER);
        assertRefused(
                () -> seats.toChange(MINE, Set.of("A1"), List.of("A2"), List.of(), LATER, false),
                "booking-not-held",
                null);
    }

    @Test
    void releasingAndSellingFollowTheBookingThatOwnsTheSeat() {
        seats.held(MINE, priced("A1", "A2"), LATER);
        seats.held(THEIRS, priced("C1"), LATER);
        assertThat(seats.heldBy(MINE, null)).containsExactly("A1", "A2");
        assertThat(seats.heldBy(MINE, List.of("A2"))).containsExactly("A2");
        seats.released(THEIRS, List.of("A1")); // not theirs: nothing happens to it
        assertThat(seats.heldBy(MINE, null)).containsExactly("A1", "A2");
        seats.sold(MINE, List.of("A1", "A2"));
        assertThat(seats.heldBy(MINE, null)).isEmpty();
        assertThat(seats.holdExpiry(MINE)).isEmpty();
        assertThat(seats.soldTo(MINE, null)).containsExactly("A1", "A2");
        assertThat(seats.soldTo(MINE, List.of("A2"))).containsExactly("A2");
        assertThat(seats.holdExpiry(THEIRS)).contains(LATER);
    }

    @Test
    void seatsAreQuotedAtTheirTypesPrice() {
        assertThat(seats.quote(List.of("A1", "B3"), Map.of(SeatType.STANDARD, STANDARD, SeatType.PREMIUM, PREMIUM)))
                .containsExactly(
                        new SeatPrice("A1", SeatType.STANDARD, STANDARD),
                        new SeatPrice("B3", SeatType.PREMIUM, PREMIUM));
        assertThat(seats.seatTypes()).containsExactlyInAnyOrder(SeatType.STANDARD, SeatType.PREMIUM);
    }

    private static List<SeatPrice> priced(String... labels) {
        return Stream.of(labels)
                .map(label -> new SeatPrice(label, SeatType.STANDARD, STANDARD))
                .toList();
    }

    private static List<LayoutCell> seats(int from, int to, SeatType type) {
        return IntStream.rangeClosed(from, to)
                .mapToObj(number -> LayoutCell.seat(String.valueOf(number), type))
                .toList();
    }
}
