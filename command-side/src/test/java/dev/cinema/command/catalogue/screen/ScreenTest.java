package dev.cinema.command.catalogue.screen;

import static dev.cinema.command.Refusals.refusal;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.cinema.command.catalogue.lookup.CatalogueLookup;
import dev.cinema.command.catalogue.lookup.LookupEntry;
import dev.cinema.contracts.catalogue.cinema.CinemaId;
import dev.cinema.contracts.catalogue.screen.CreateScreenCommand;
import dev.cinema.contracts.catalogue.screen.LayoutCell;
import dev.cinema.contracts.catalogue.screen.RetireScreenCommand;
import dev.cinema.contracts.catalogue.screen.ScreenCreatedEvent;
import dev.cinema.contracts.catalogue.screen.ScreenFormat;
import dev.cinema.contracts.catalogue.screen.ScreenId;
import dev.cinema.contracts.catalogue.screen.ScreenRetiredEvent;
import dev.cinema.contracts.catalogue.screen.ScreenUpdatedEvent;
import dev.cinema.contracts.catalogue.screen.SeatLayout;
import dev.cinema.contracts.catalogue.screen.SeatRow;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.catalogue.screen.UpdateScreenCommand;
import dev.cinema.platform.refusal.Refusal;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScreenTest {

    private static final ScreenId SCREEN = ScreenId.of("screen-1");
    private static final CinemaId CINEMA = CinemaId.of("cinema-1");
    private static final SeatLayout LAYOUT = new SeatLayout(List.of(
            new SeatRow(
                    "A",
                    List.of(
                            LayoutCell.seat("1", SeatType.WHEELCHAIR),
                            LayoutCell.gap(),
                            LayoutCell.seat("2", SeatType.STANDARD))),
            new SeatRow(
                    "B", List.of(LayoutCell.seat("1", SeatType.STANDARD), LayoutCell.seat("2", SeatType.STANDARD)))));
    private static final ScreenCreatedEvent CREATED =
            new ScreenCreatedEvent(SCREEN, CINEMA, "Screen 1", ScreenFormat.TWO_D, LAYOUT);

    private final CatalogueLookup lookup = mock(CatalogueLookup.class);
    private FixtureConfiguration<Screen> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Screen.class);
        fixture.registerInjectableResource(lookup);
    }

    @Test
    void creatingAScreenInAnActiveCinemaEmitsScreenCreated() {
        fixture.givenNoPriorActivity()
                .when(new CreateScreenCommand(SCREEN, CINEMA, "Screen 1", ScreenFormat.TWO_D, LAYOUT))
                .expectEvents(CREATED);

        verify(lookup).requireActive(LookupEntry.Kind.CINEMA, "cinema-1", "cinemaId");
    }

    @Test
    void creatingAScreenInAnUnknownCinemaIsRefused() {
        when(lookup.requireActive(LookupEntry.Kind.CINEMA, "nowhere", "cinemaId"))
                .thenThrow(new Refusal("unknown-cinema", "cinemaId", "No cinema nowhere"));

        fixture.givenNoPriorActivity()
                .when(new CreateScreenCommand(SCREEN, CinemaId.of("nowhere"), "Screen 1", ScreenFormat.TWO_D, LAYOUT))
                .expectException(refusal("unknown-cinema", "cinemaId"))
                .expectNoEvents();
    }

    @Test
    void rowLabelsAndSeatNumbersAreStoredTrimmedAndUpperCased() {
        // "f12" and "F12" must be one seat, so the stored layout is the normalised one.
        SeatLayout asTyped = new SeatLayout(List.of(
                new SeatRow(
                        " a ",
                        List.of(
                                LayoutCell.seat(" 1 ", SeatType.WHEELCHAIR),
                                LayoutCell.gap(),
                                LayoutCell.seat("2", SeatType.STANDARD))),
                new SeatRow(
                        "b",
                        List.of(LayoutCell.seat("1", SeatType.STANDARD), LayoutCell.seat("2 ", SeatType.STANDARD)))));

        fixture.givenNoPriorActivity()
                .when(new CreateScreenCommand(SCREEN, CINEMA, " Screen 1 ", ScreenFormat.TWO_D, asTyped))
                .expectEvents(CREATED);
    }

    @Test
    void aDuplicateSeatNumberInARowIsRefusedNamingTheSecondCell() {
        SeatLayout duplicate = new SeatLayout(List.of(new SeatRow(
                "A", List.of(LayoutCell.seat("1", SeatType.STANDARD), LayoutCell.seat("1", SeatType.STANDARD)))));

        fixture.givenNoPriorActivity()
                .when(new CreateScreenCommand(SCREEN, CINEMA, "Screen 1", ScreenFormat.TWO_D, duplicate))
                .expectException(refusal("invalid-layout", "layout.rows[0].cells[1].number"))
                .expectNoEvents();
    }

    @Test
    void aLayoutWithoutSeatsIsRefused() {
        SeatLayout onlyGaps = new SeatLayout(List.of(new SeatRow("A", List.of(LayoutCell.gap(), LayoutCell.gap()))));

        fixture.givenNoPriorActivity()
                .when(new CreateScreenCommand(SCREEN, CINEMA, "Screen 1", ScreenFormat.TWO_D, onlyGaps))
                .expectException(refusal("invalid-layout", "layout.rows"))
                .expectNoEvents();
    }

    @Test
    void creatingAScreenWithoutAFormatIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateScreenCommand(SCREEN, CINEMA, "Screen 1", null, LAYOUT))
                .expectException(refusal("format-required", "format"))
                .expectNoEvents();
    }

    @Test
    void updatingAScreenKeepsItsCinemaAndNormalisesTheNewLayout() {
        SeatLayout bigger = new SeatLayout(List.of(new SeatRow(
                "a", List.of(LayoutCell.seat("1", SeatType.PREMIUM), LayoutCell.seat("2", SeatType.PREMIUM)))));
        SeatLayout stored = new SeatLayout(List.of(new SeatRow(
                "A", List.of(LayoutCell.seat("1", SeatType.PREMIUM), LayoutCell.seat("2", SeatType.PREMIUM)))));

        fixture.given(CREATED)
                .when(new UpdateScreenCommand(SCREEN, "Screen 1", ScreenFormat.IMAX, bigger))
                .expectEvents(new ScreenUpdatedEvent(SCREEN, CINEMA, "Screen 1", ScreenFormat.IMAX, stored));
    }

    @Test
    void updatingAScreenWithAnInvalidLayoutIsRefused() {
        fixture.given(CREATED)
                .when(new UpdateScreenCommand(SCREEN, "Screen 1", ScreenFormat.TWO_D, new SeatLayout(List.of())))
                .expectException(refusal("invalid-layout", "layout.rows"))
                .expectNoEvents();
    }

    @Test
    void aRetiredScreenCannotBeUpdated() {
        fixture.given(CREATED, new ScreenRetiredEvent(SCREEN, CINEMA))
                .when(new UpdateScreenCommand(SCREEN, "Screen 1", ScreenFormat.TWO_D, LAYOUT))
                .expectException(refusal("screen-retired", null))
                .expectNoEvents();
    }

    @Test
    void retiringAScreenNamesItsCinema() {
        // The event carries the owning cinema so that consumers need not look the screen up.
        fixture.given(CREATED)
                .when(new RetireScreenCommand(SCREEN))
                .expectEvents(new ScreenRetiredEvent(SCREEN, CINEMA));
    }

    @Test
    void retiringARetiredScreenAgainEmitsNothing() {
        fixture.given(CREATED, new ScreenRetiredEvent(SCREEN, CINEMA))
                .when(new RetireScreenCommand(SCREEN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
