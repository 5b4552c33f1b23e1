package dev.cinema.command.catalogue.screening;

import static dev.cinema.command.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.ReleaseReason;
import dev.cinema.contracts.booking.ReleaseSeatsCommand;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.booking.SeatsHeldEvent;
import dev.cinema.contracts.booking.SeatsReleasedEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaId;
import dev.cinema.contracts.catalogue.film.FilmId;
import dev.cinema.contracts.catalogue.screen.LayoutCell;
import dev.cinema.contracts.catalogue.screen.ScreenId;
import dev.cinema.contracts.catalogue.screen.SeatLayout;
import dev.cinema.contracts.catalogue.screen.SeatRow;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.catalogue.screening.ScreeningCancelledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.catalogue.screening.ScreeningPricesChangedEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningScheduledEvent;
import dev.cinema.contracts.common.Money;
import dev.cinema.platform.refusal.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seat inventory of a screening: holding, changing and releasing seats. */
class SeatInventoryRulesTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final Instant STARTS_AT = NOW.plus(Duration.ofDays(2));
    private static final Instant HOLD_UNTIL = NOW.plus(Duration.ofMinutes(10));

    private static final ScreeningId SCREENING = ScreeningId.of("screening-1");
    private static final ScreenId SCREEN = ScreenId.of("screen-1");
    private static final BookingId BOOKING = BookingId.of("booking-1");
    private static final BookingId OTHER_BOOKING = BookingId.of("booking-2");
    private static final AccountId CUSTOMER = AccountId.of("customer-1");
    private static final AccountId OTHER_CUSTOMER = AccountId.of("customer-2");

    private static final Money STANDARD_PRICE = Money.of(1250, "EUR");
    private static final Money PREMIUM_PRICE = Money.of(1800, "EUR");

    /**
     * Row A: 1 to 5 in one block. Row B: 1-2, an aisle, then 3-5 (premium). Row C: 1 to 5, so that
     * more than the per-booking maximum of seats exists.
     */
    private static final SeatLayout LAYOUT = new SeatLayout(List.of(
            new SeatRow("A", seats(1, 5, SeatType.STANDARD)),
            new SeatRow(
                    "B",
                    Stream.of(seats(1, 2, SeatType.STANDARD), List.of(LayoutCell.gap()), seats(3, 5, SeatType.PREMIUM))
                            .flatMap(List::stream)
                            .toList()),
            new SeatRow("C", seats(1, 5, SeatType.STANDARD))));

    private static final Map<SeatType, Money> PRICES =
            Map.of(SeatType.STANDARD, STANDARD_PRICE, SeatType.PREMIUM, PREMIUM_PRICE);

    private static final ScreeningScheduledEvent ON_SALE = scheduled(true);

    private FixtureConfiguration<Screening> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Screening.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static List<LayoutCell> seats(int from, int to, SeatType type) {
        return java.util.stream.IntStream.rangeClosed(from, to)
                .mapToObj(number -> LayoutCell.seat(String.valueOf(number), type))
                .toList();
    }

    private static ScreeningScheduledEvent scheduled(boolean onSale) {
        return new ScreeningScheduledEvent(
                SCREENING,
                FilmId.of("film-1"),
                SCREEN,
                CinemaId.of("cinema-1"),
                STARTS_AT,
                STARTS_AT.plus(Duration.ofMinutes(116)),
                LAYOUT,
                PRICES,
                onSale);
    }

    private static SeatPrice standard(String seat) {
        return new SeatPrice(seat, SeatType.STANDARD, STANDARD_PRICE);
    }

    private static SeatPrice premium(String seat) {
        return new SeatPrice(seat, SeatType.PREMIUM, PREMIUM_PRICE);
    }

    private static SeatsHeldEvent held(BookingId booking, AccountId customer, Instant until, SeatPrice... seats) {
        return new SeatsHeldEvent(SCREENING, booking, customer, List.of(seats), until);
    }

    private static SeatsHeldEvent heldByOtherBooking(Instant until, String... seats) {
        return held(
                OTHER_BOOKING,
                OTHER_CUSTOMER,
                until,
                Stream.of(seats).map(SeatInventoryRulesTest::standardOrPremium).toArray(SeatPrice[]::new));
    }

    private static SeatPrice standardOrPremium(String seat) {
        return seat.startsWith("B") && seat.compareTo("B3") >= 0 ? premium(seat) : standard(seat);
    }

    /** A refusal that also lists exactly these seats under {@code property} (e.g. unavailableSeats). */
    private static Matcher<Refusal> listing(String property, List<String> seats) {
        return new FeatureMatcher<Refusal, Object>(Matchers.equalTo(seats), property, property) {
            @Override
            protected Object featureValueOf(Refusal refusal) {
                return refusal.details().get(property);
            }
        };
    }

    private static ResultValidator<Screening> holding(
            TestExecutor<Screening> given, Collection<String> seats, boolean preventStrandedSeats) {
        return given.whenInvoking(
                SCREENING.value(),
                screening -> screening.hold(BOOKING, CUSTOMER, seats, HOLD_UNTIL, NOW, preventStrandedSeats));
    }

    // ---------------------------------------------------------------- holding

    @Test
    void holdingFreeSeatsEmitsSeatsHeldWithTheQuotedPricesAndTheExpiry() {
        AtomicReference<List<SeatPrice>> answer = new AtomicReference<>();

        fixture.given(ON_SALE)
                .whenInvoking(
                        SCREENING.value(),
                        screening -> answer.set(
                                screening.hold(BOOKING, CUSTOMER, List.of("A1", "B3"), HOLD_UNTIL, NOW, true)))
                .expectEvents(held(BOOKING, CUSTOMER, HOLD_UNTIL, standard("A1"), premium("B3")));
        assertThat(answer.get()).containsExactly(standard("A1"), premium("B3"));
    }

    @Test
    void holdingQuotesThePricesInForceNow() {
        Map<SeatType, Money> raised =
                Map.of(SeatType.STANDARD, Money.of(1400, "EUR"), SeatType.PREMIUM, Money.of(2000, "EUR"));

        holding(fixture.given(ON_SALE, new ScreeningPricesChangedEvent(SCREENING, raised)), List.of("A1"), true)
                .expectEvents(held(
                        BOOKING, CUSTOMER, HOLD_UNTIL, new SeatPrice("A1", SeatType.STANDARD, Money.of(1400, "EUR"))));
    }

    @Test
    void holdingNoSeatIsRefused() {
        holding(fixture.given(ON_SALE), List.of(), true)
                .expectException(refusal("seat-count", "seats"))
                .expectNoEvents();
    }

    @Test
    void holdingTenSeatsIsAllowed() {
        List<String> ten = List.of("A1", "A2", "A3", "A4", "A5", "C1", "C2", "C3", "C4", "C5");

        holding(fixture.given(ON_SALE), ten, true)
                .expectSuccessfulHandlerExecution()
                .expectEvents(held(
                        BOOKING,
                        CUSTOMER,
                        HOLD_UNTIL,
                        ten.stream().map(SeatInventoryRulesTest::standard).toArray(SeatPrice[]::new)));
    }

    @Test
    void holdingElevenSeatsIsRefused() {
        List<String> eleven = List.of("A1", "A2", "A3", "A4", "A5", "C1", "C2", "C3", "C4", "C5", "B1");

        holding(fixture.given(ON_SALE), eleven, true)
                .expectException(refusal("seat-count", "seats"))
                .expectNoEvents();
    }

    @Test
    void holdingASeatListedTwiceIsRefusedEvenWrittenDifferently() {
        holding(fixture.given(ON_SALE), List.of("A1", "a1"), true)
                .expectException(refusal("duplicate-seat", "seats"))
                .expectNoEvents();
    }

    @Test
    void holdingUnknownSeatsIsRefusedListingThemAsRequested() {
        // Listed as the caller wrote them, so that the caller can find them in the request.
        holding(fixture.given(ON_SALE), List.of("A1", "Z9", "b6"), true)
                .expectException(allOf(refusal("unknown-seats", "seats"), listing("unknownSeats", List.of("Z9", "b6"))))
                .expectNoEvents();
    }

    @Test
    void lowerCaseAndPaddedLabelsAreNormalised() {
        holding(fixture.given(ON_SALE), List.of(" a2 ", "b4"), true)
                .expectEvents(held(BOOKING, CUSTOMER, HOLD_UNTIL, standard("A2"), premium("B4")));
    }

    @Test
    void holdingSeatsHeldByAnotherUnexpiredBookingIsRefusedListingExactlyTheTakenOnes() {
        // The other hold runs one more second: it still blocks its seats.
        holding(
                        fixture.given(ON_SALE, heldByOtherBooking(NOW.plusSeconds(1), "A1", "A2", "B5")),
                        List.of("B5", "A2", "A3"),
                        false)
                .expectException(
                        allOf(refusal("seats-unavailable", "seats"), listing("unavailableSeats", List.of("A2", "B5"))))
                .expectNoEvents();
    }

    @Test
    void aSeatWhoseHoldHasRunOutCanBeHeldAgainBeforeTheExpiryIsProcessed() {
        // The other hold ends exactly now: its seat is free, although no release has been recorded.
        holding(fixture.given(ON_SALE, heldByOtherBooking(NOW, "A1")), List.of("A1"), true)
                .expectEvents(held(BOOKING, CUSTOMER, HOLD_UNTIL, standard("A1")));
    }

    @Test
    void aSeatReleasedByAnotherBookingCanBeHeld() {
        holding(
                        fixture.given(
                                ON_SALE,
                                heldByOtherBooking(HOLD_UNTIL, "A1"),
                                new SeatsReleasedEvent(
                                        SCREENING, OTHER_BOOKING, List.of("A1"), ReleaseReason.CANCELLED)),
                        List.of("A1"),
                        true)
                .expectEvents(held(BOOKING, CUSTOMER, HOLD_UNTIL, standard("A1")));
    }

    // ---------------------------------------------------------------- stranded seats

    @Test
    void takingASeatThatLeavesASingleFreeSeatBesideAnotherHoldIsRefused() {
        holding(fixture.given(ON_SALE, heldByOtherBooking(HOLD_UNTIL, "A1")), List.of("A3"), true)
                .expectException(allOf(refusal("stranded-seat", "seats"), listing("strandedSeats", List.of("A2"))))
                .expectNoEvents();
    }

    @Test
    void takingSeatsOnBothSidesOfAFreeSeatIsRefused() {
        holding(fixture.given(ON_SALE), List.of("C1", "C3", "C5"), true)
                .expectException(
                        allOf(refusal("stranded-seat", "seats"), listing("strandedSeats", List.of("C2", "C4"))))
                .expectNoEvents();
    }

    @Test
    void strandingASeatIsAllowedWhereTheScreeningDoesNotPreventIt() {
        holding(fixture.given(ON_SALE, heldByOtherBooking(HOLD_UNTIL, "A1")), List.of("A3"), false)
                .expectEvents(held(BOOKING, CUSTOMER, HOLD_UNTIL, standard("A3")));
    }

    @Test
    void aFreeSeatBesideAnAisleIsNotStranded() {
        // B2 lies between B1 and the aisle; B3, across the aisle, is no neighbour.
        holding(fixture.given(ON_SALE, heldByOtherBooking(HOLD_UNTIL, "B3")), List.of("B1"), true)
                .expectEvents(held(BOOKING, CUSTOMER, HOLD_UNTIL, standard("B1")));
    }

    @Test
    void aFreeSeatAtTheEndOfARowIsNotStranded() {
        holding(fixture.given(ON_SALE, heldByOtherBooking(HOLD_UNTIL, "A2")), List.of("A4", "A3"), true)
                .expectEvents(held(BOOKING, CUSTOMER, HOLD_UNTIL, standard("A4"), standard("A3")));
    }

    @Test
    void aSeatBetweenAHoldThatHasRunOutAndANewOneIsNotStranded() {
        // The run-out hold no longer takes A1, so A2 has a free neighbour.
        holding(fixture.given(ON_SALE, heldByOtherBooking(NOW, "A1")), List.of("A3"), true)
                .expectEvents(held(BOOKING, CUSTOMER, HOLD_UNTIL, standard("A3")));
    }

    // ---------------------------------------------------------------- changing a hold

    @Test
    void changingAHoldReleasesTheRemovedSeatsThenHoldsTheAddedOnesKeepingTheQuotedPricesOfTheRest() {
        // A1 and A2 were quoted before a price rise; A2 is kept at its old price, A3 costs the new one.
        Money oldPrice = Money.of(1100, "EUR");
        SeatPrice a1 = new SeatPrice("A1", SeatType.STANDARD, oldPrice);
        SeatPrice a2 = new SeatPrice("A2", SeatType.STANDARD, oldPrice);
        Money raised = Money.of(1400, "EUR");
        AtomicReference<Screenings.Hold> answer = new AtomicReference<>();

        fixture.given(
                        ON_SALE,
                        held(BOOKING, CUSTOMER, HOLD_UNTIL, a1, a2),
                        new ScreeningPricesChangedEvent(
                                SCREENING, Map.of(SeatType.STANDARD, raised, SeatType.PREMIUM, PREMIUM_PRICE)))
                .whenInvoking(
                        SCREENING.value(),
                        screening -> answer.set(screening.changeHold(
                                BOOKING, CUSTOMER, List.of(a1, a2), List.of("a3"), List.of("A1"), NOW, true)))
                .expectEvents(
                        new SeatsReleasedEvent(SCREENING, BOOKING, List.of("A1"), ReleaseReason.CHANGED),
                        held(BOOKING, CUSTOMER, HOLD_UNTIL, new SeatPrice("A3", SeatType.STANDARD, raised)));
        assertThat(answer.get().seats()).containsExactly(a2, new SeatPrice("A3", SeatType.STANDARD, raised));
        assertThat(answer.get().expiresAt()).isEqualTo(HOLD_UNTIL);
    }

    @Test
    void addingASeatTheBookingAlreadyHoldsChangesNothingForIt() {
        AtomicReference<Screenings.Hold> answer = new AtomicReference<>();

        fixture.given(ON_SALE, held(BOOKING, CUSTOMER, HOLD_UNTIL, standard("A1")))
                .whenInvoking(
                        SCREENING.value(),
                        screening -> answer.set(screening.changeHold(
                                BOOKING, CUSTOMER, List.of(standard("A1")), List.of("A1", "A2"), List.of(), NOW, true)))
                .expectEvents(held(BOOKING, CUSTOMER, HOLD_UNTIL, standard("A2")));
        assertThat(answer.get().seats()).containsExactly(standard("A1"), standard("A2"));
    }

    @Test
    void removingASeatThatIsNotPartOfTheBookingIsRefused() {
        fixture.given(ON_SALE, held(BOOKING, CUSTOMER, HOLD_UNTIL, standard("A1"), standard("A2")))
                .whenInvoking(
                        SCREENING.value(),
                        screening -> screening.changeHold(
                                BOOKING,
                                CUSTOMER,
                                List.of(standard("A1"), standard("A2")),
                                List.of(),
                                List.of("A4"),
                                NOW,
                                true))
                .expectException(refusal("seats-not-in-booking", "remove"))
                .expectNoEvents();
    }

    @Test
    void removingEverySeatOfABookingIsRefused() {
        fixture.given(ON_SALE, held(BOOKING, CUSTOMER, HOLD_UNTIL, standard("A1")))
                .whenInvoking(
                        SCREENING.value(),
                        screening -> screening.changeHold(
                                BOOKING, CUSTOMER, List.of(standard("A1")), List.of(), List.of("A1"), NOW, true))
                .expectException(refusal("seat-count", "add"))
                .expectNoEvents();
    }

    @Test
    void addingASeatHeldByAnotherBookingIsRefusedAndNothingIsReleased() {
        fixture.given(
                        ON_SALE,
                        held(BOOKING, CUSTOMER, HOLD_UNTIL, standard("A1"), standard("A2")),
                        heldByOtherBooking(HOLD_UNTIL, "C1"))
                .whenInvoking(
                        SCREENING.value(),
                        screening -> screening.changeHold(
                                BOOKING,
                                CUSTOMER,
                                List.of(standard("A1"), standard("A2")),
                                List.of("C1"),
                                List.of("A1"),
                                NOW,
                                true))
                .expectException(
                        allOf(refusal("seats-unavailable", "seats"), listing("unavailableSeats", List.of("C1"))))
                .expectNoEvents();
    }

    @Test
    void removingASeatThatWouldBeLeftAloneBetweenTakenSeatsIsRefused() {
        // Another booking holds A1; giving up A2 while keeping A3 would strand it.
        fixture.given(
                        ON_SALE,
                        heldByOtherBooking(HOLD_UNTIL, "A1"),
                        held(BOOKING, CUSTOMER, HOLD_UNTIL, standard("A2"), standard("A3")))
                .whenInvoking(
                        SCREENING.value(),
                        screening -> screening.changeHold(
                                BOOKING,
                                CUSTOMER,
                                List.of(standard("A2"), standard("A3")),
                                List.of(),
                                List.of("A2"),
                                NOW,
                                true))
                .expectException(allOf(refusal("stranded-seat", "seats"), listing("strandedSeats", List.of("A2"))))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- releasing

    @Test
    void releasingFreesOnlyTheSeatsStillHeldByThatBooking() {
        // B1 was given up earlier; A2 ran out and was then held by another booking.
        fixture.given(
                        ON_SALE,
                        held(BOOKING, CUSTOMER, NOW.minusSeconds(60), standard("A1"), standard("A2"), standard("B1")),
                        new SeatsReleasedEvent(SCREENING, BOOKING, List.of("B1"), ReleaseReason.CHANGED),
                        heldByOtherBooking(HOLD_UNTIL, "A2"))
                .when(new ReleaseSeatsCommand(SCREENING, BOOKING, null, ReleaseReason.EXPIRED))
                .expectEvents(new SeatsReleasedEvent(SCREENING, BOOKING, List.of("A1"), ReleaseReason.EXPIRED));
    }

    @Test
    void releasingListedSeatsFreesOnlyThose() {
        fixture.given(ON_SALE, held(BOOKING, CUSTOMER, HOLD_UNTIL, standard("A1"), standard("A2")))
                .when(new ReleaseSeatsCommand(SCREENING, BOOKING, List.of("A2"), ReleaseReason.CHANGED))
                .expectEvents(new SeatsReleasedEvent(SCREENING, BOOKING, List.of("A2"), ReleaseReason.CHANGED));
    }

    @Test
    void releasingABookingThatHoldsNothingHereIsStillRecordedWithNoSeats() {
        // Recorded although nothing changes: a stale cached copy of the screening in another
        // process must conflict on the event store's key instead of passing silently.
        fixture.given(
                        ON_SALE,
                        held(BOOKING, CUSTOMER, HOLD_UNTIL, standard("A1")),
                        new SeatsReleasedEvent(SCREENING, BOOKING, List.of("A1"), ReleaseReason.CANCELLED))
                .when(new ReleaseSeatsCommand(SCREENING, BOOKING, null, ReleaseReason.EXPIRED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new SeatsReleasedEvent(SCREENING, BOOKING, List.of(), ReleaseReason.EXPIRED));
    }

    @Test
    void seatsFreedByAReleaseCanBeHeldByAnotherBooking() {
        fixture.given(
                        ON_SALE,
                        held(BOOKING, CUSTOMER, HOLD_UNTIL, standard("A1")),
                        new SeatsReleasedEvent(SCREENING, BOOKING, List.of("A1"), ReleaseReason.CANCELLED))
                .whenInvoking(
                        SCREENING.value(),
                        screening ->
                                screening.hold(OTHER_BOOKING, OTHER_CUSTOMER, List.of("A1"), HOLD_UNTIL, NOW, true))
                .expectEvents(held(OTHER_BOOKING, OTHER_CUSTOMER, HOLD_UNTIL, standard("A1")));
    }

    // ---------------------------------------------------------------- when seats cannot be held at all

    @Test
    void holdingSeatsOfACancelledScreeningIsRefused() {
        holding(fixture.given(ON_SALE, new ScreeningCancelledEvent(SCREENING, SCREEN, null)), List.of("A1"), true)
                .expectException(refusal("screening-cancelled", "screeningId"))
                .expectNoEvents();
    }

    @Test
    void holdingSeatsOfAScreeningNotOnSaleIsRefused() {
        holding(fixture.given(scheduled(false)), List.of("A1"), true)
                .expectException(refusal("screening-not-on-sale", "screeningId"))
                .expectNoEvents();
    }

    @Test
    void holdingSeatsOfAScreeningThatHasStartedIsRefused() {
        fixture.given(ON_SALE)
                .whenInvoking(
                        SCREENING.value(),
                        screening -> screening.hold(
                                BOOKING, CUSTOMER, List.of("A1"), STARTS_AT.plusSeconds(600), STARTS_AT, true))
                .expectException(refusal("screening-started", "screeningId"))
                .expectNoEvents();
    }

    @Test
    void changingAHoldOnAScreeningThatHasStartedIsRefused() {
        fixture.given(ON_SALE, held(BOOKING, CUSTOMER, HOLD_UNTIL, standard("A1")))
                .whenInvoking(
                        SCREENING.value(),
                        screening -> screening.changeHold(
                                BOOKING, CUSTOMER, List.of(standard("A1")), List.of("A2"), List.of(), STARTS_AT, true))
                .expectException(refusal("screening-started", "screeningId"))
                .expectNoEvents();
    }

    @Test
    void seatsSoldToABookingAreFreeAgainOnceReturned() {
        fixture.given(
                        ON_SALE,
                        held(BOOKING, CUSTOMER, HOLD_UNTIL, standard("A1")),
                        new dev.cinema.contracts.booking.SeatsSoldEvent(SCREENING, BOOKING, List.of("A1")))
                .whenInvoking(SCREENING.value(), screening -> screening.returnSold(BOOKING, null))
                .expectEvents(new SeatsReleasedEvent(SCREENING, BOOKING, List.of("A1"), ReleaseReason.REFUNDED));
    }

    @Test
    void returningSeatsSoldToAnotherBookingFreesNothing() {
        fixture.given(
                        ON_SALE,
                        held(OTHER_BOOKING, CUSTOMER, HOLD_UNTIL, standard("A1")),
                        new dev.cinema.contracts.booking.SeatsSoldEvent(SCREENING, OTHER_BOOKING, List.of("A1")))
                .whenInvoking(SCREENING.value(), screening -> screening.returnSold(BOOKING, List.of("A1")))
                .expectEvents(new SeatsReleasedEvent(SCREENING, BOOKING, List.of(), ReleaseReason.REFUNDED));
    }
}
