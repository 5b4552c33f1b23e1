package dev.cinema.command.catalogue.screening;

import static dev.cinema.command.Refusals.refusal;

import dev.cinema.contracts.catalogue.cinema.CinemaId;
import dev.cinema.contracts.catalogue.film.FilmId;
import dev.cinema.contracts.catalogue.screen.LayoutCell;
import dev.cinema.contracts.catalogue.screen.ScreenId;
import dev.cinema.contracts.catalogue.screen.SeatLayout;
import dev.cinema.contracts.catalogue.screen.SeatRow;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.catalogue.screening.CancelScreeningCommand;
import dev.cinema.contracts.catalogue.screening.ChangeScreeningPricesCommand;
import dev.cinema.contracts.catalogue.screening.OpenScreeningSalesCommand;
import dev.cinema.contracts.catalogue.screening.ScreeningCancelledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.catalogue.screening.ScreeningPricesChangedEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningRescheduledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningSalesOpenedEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningScheduledEvent;
import dev.cinema.contracts.common.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScreeningTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final Instant STARTS_AT = NOW.plus(Duration.ofDays(2));
    private static final Instant ENDS_AT = STARTS_AT.plus(Duration.ofMinutes(116));

    private static final ScreeningId SCREENING = ScreeningId.of("screening-1");
    private static final ScreenId SCREEN = ScreenId.of("screen-1");
    /** STANDARD and WHEELCHAIR seats only: every price list must cover exactly those. */
    private static final SeatLayout LAYOUT = new SeatLayout(List.of(
            new SeatRow(
                    "A",
                    List.of(
                            LayoutCell.seat("1", SeatType.WHEELCHAIR),
                            LayoutCell.gap(),
                            LayoutCell.seat("2", SeatType.STANDARD))),
            new SeatRow(
                    "B", List.of(LayoutCell.seat("1", SeatType.STANDARD), LayoutCell.seat("2", SeatType.STANDARD)))));

    private static final Map<SeatType, Money> PRICES =
            Map.of(SeatType.STANDARD, Money.of(1250, "EUR"), SeatType.WHEELCHAIR, Money.of(900, "EUR"));

    private static final ScreeningScheduledEvent SCHEDULED = scheduled(STARTS_AT, false);

    private FixtureConfiguration<Screening> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Screening.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static ScreeningScheduledEvent scheduled(Instant startsAt, boolean onSale) {
        return new ScreeningScheduledEvent(
                SCREENING,
                FilmId.of("film-1"),
                SCREEN,
                CinemaId.of("cinema-1"),
                startsAt,
                startsAt.plus(Duration.ofMinutes(116)),
                LAYOUT,
                PRICES,
                onSale);
    }

    @Test
    void aScreeningIsCreatedFromItsScheduledEvent() {
        // SchedulingScreenings checks the screen and creates the aggregate through Repository.newInstance.
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> new Screening(SCHEDULED))
                .expectEvents(SCHEDULED);
    }

    @Test
    void changingPricesEmitsTheNewPriceList() {
        Map<SeatType, Money> raised =
                Map.of(SeatType.STANDARD, Money.of(1400, "EUR"), SeatType.WHEELCHAIR, Money.of(1000, "EUR"));

        fixture.given(SCHEDULED)
                .when(new ChangeScreeningPricesCommand(SCREENING, raised))
                .expectEvents(new ScreeningPricesChangedEvent(SCREENING, raised));
    }

    @Test
    void changingPricesWithoutAPriceForASeatTypeOfTheLayoutIsRefused() {
        fixture.given(SCHEDULED)
                .when(new ChangeScreeningPricesCommand(SCREENING, Map.of(SeatType.STANDARD, Money.of(1400, "EUR"))))
                .expectException(refusal("invalid-prices", "prices.WHEELCHAIR"))
                .expectNoEvents();
    }

    @Test
    void changingPricesToMixedCurrenciesIsRefused() {
        // Ordered, so that the refusal names the second entry, the first one that disagrees.
        Map<SeatType, Money> mixed = new LinkedHashMap<>();
        mixed.put(SeatType.STANDARD, Money.of(1400, "EUR"));
        mixed.put(SeatType.WHEELCHAIR, Money.of(1000, "USD"));

        fixture.given(SCHEDULED)
                .when(new ChangeScreeningPricesCommand(SCREENING, mixed))
                .expectException(refusal("invalid-prices", "prices.WHEELCHAIR.currency"))
                .expectNoEvents();
    }

    @Test
    void changingPricesOfACancelledScreeningIsRefused() {
        fixture.given(SCHEDULED, new ScreeningCancelledEvent(SCREENING, SCREEN, null))
                .when(new ChangeScreeningPricesCommand(SCREENING, PRICES))
                .expectException(refusal("screening-cancelled", null))
                .expectNoEvents();
    }

    @Test
    void cancellingAScreeningEmitsScreeningCancelledWithTheTrimmedReason() {
        fixture.given(SCHEDULED)
                .when(new CancelScreeningCommand(SCREENING, "  Projector failure "))
                .expectEvents(new ScreeningCancelledEvent(SCREENING, SCREEN, "Projector failure"));
    }

    @Test
    void cancellingACancelledScreeningAgainEmitsNothing() {
        fixture.given(SCHEDULED, new ScreeningCancelledEvent(SCREENING, SCREEN, "Projector failure"))
                .when(new CancelScreeningCommand(SCREENING, "Projector failure"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void openingSalesBeforeTheStartEmitsSalesOpened() {
        fixture.given(SCHEDULED)
                .when(new OpenScreeningSalesCommand(SCREENING))
                .expectEvents(new ScreeningSalesOpenedEvent(SCREENING));
    }

    @Test
    void openingSalesOfAScreeningAlreadyOnSaleEmitsNothing() {
        fixture.given(scheduled(STARTS_AT, true))
                .when(new OpenScreeningSalesCommand(SCREENING))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void openingSalesOfACancelledScreeningIsRefused() {
        fixture.given(SCHEDULED, new ScreeningCancelledEvent(SCREENING, SCREEN, null))
                .when(new OpenScreeningSalesCommand(SCREENING))
                .expectException(refusal("screening-cancelled", null))
                .expectNoEvents();
    }

    @Test
    void openingSalesAfterTheStartIsRefused() {
        fixture.given(scheduled(NOW.minus(Duration.ofMinutes(5)), false))
                .when(new OpenScreeningSalesCommand(SCREENING))
                .expectException(refusal("screening-started", null))
                .expectNoEvents();
    }

    @Test
    void openingSalesAtTheVeryStartIsRefused() {
        fixture.given(scheduled(NOW, false))
                .when(new OpenScreeningSalesCommand(SCREENING))
                .expectException(refusal("screening-started", null))
                .expectNoEvents();
    }

    @Test
    void openingSalesUsesTheRescheduledStart() {
        // Moved into the past relative to the clock: the rescheduled start, not the original, decides.
        Instant earlier = NOW.minus(Duration.ofHours(1));

        fixture.given(
                        SCHEDULED,
                        new ScreeningRescheduledEvent(
                                SCREENING, SCREEN, earlier, earlier.plus(Duration.ofMinutes(116))))
                .when(new OpenScreeningSalesCommand(SCREENING))
                .expectException(refusal("screening-started", null))
                .expectNoEvents();
    }

    @Test
    void reschedulingToAnotherFutureStartEmitsRescheduled() {
        Instant later = STARTS_AT.plus(Duration.ofHours(3));
        Instant laterEnd = later.plus(Duration.ofMinutes(116));

        fixture.given(SCHEDULED)
                .whenInvoking(SCREENING.value(), screening -> screening.reschedule(later, laterEnd, NOW))
                .expectEvents(new ScreeningRescheduledEvent(SCREENING, SCREEN, later, laterEnd));
    }

    @Test
    void reschedulingToTheSameStartEmitsNothing() {
        fixture.given(SCHEDULED)
                .whenInvoking(SCREENING.value(), screening -> screening.reschedule(STARTS_AT, ENDS_AT, NOW))
                .expectNoEvents();
    }

    @Test
    void reschedulingAStartedScreeningIsRefused() {
        fixture.given(scheduled(NOW.minus(Duration.ofMinutes(1)), true))
                .whenInvoking(SCREENING.value(), screening -> screening.reschedule(STARTS_AT, ENDS_AT, NOW))
                .expectException(refusal("screening-started", null))
                .expectNoEvents();
    }

    @Test
    void reschedulingACancelledScreeningIsRefused() {
        fixture.given(SCHEDULED, new ScreeningCancelledEvent(SCREENING, SCREEN, null))
                .whenInvoking(
                        SCREENING.value(),
                        screening -> screening.reschedule(STARTS_AT.plusSeconds(3600), ENDS_AT.plusSeconds(3600), NOW))
                .expectException(refusal("screening-cancelled", null))
                .expectNoEvents();
    }
}
