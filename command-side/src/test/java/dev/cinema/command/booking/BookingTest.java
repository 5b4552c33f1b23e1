package dev.cinema.command.booking;

import static dev.cinema.command.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingCancelledEvent;
import dev.cinema.contracts.booking.BookingConfirmedEvent;
import dev.cinema.contracts.booking.BookingExpiredEvent;
import dev.cinema.contracts.booking.BookingHoldExpiringEvent;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.BookingPlacedEvent;
import dev.cinema.contracts.booking.BookingSeatsChangedEvent;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentId;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BookingTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    private static final Duration HOLD = Duration.ofMinutes(10);
    private static final Instant EXPIRES_AT = NOW.plus(HOLD);
    private static final Duration NOTICE = Duration.ofMinutes(2);
    private static final Instant REMIND_AT = EXPIRES_AT.minus(NOTICE);

    private static final BookingId BOOKING = BookingId.of("booking-1");
    private static final ScreeningId SCREENING = ScreeningId.of("screening-1");
    private static final AccountId CUSTOMER = AccountId.of("customer-1");
    private static final AccountId SOMEONE_ELSE = AccountId.of("customer-2");

    private static final SeatPrice A1 = new SeatPrice("A1", SeatType.STANDARD, Money.of(1250, "EUR"));
    private static final SeatPrice A2 = new SeatPrice("A2", SeatType.STANDARD, Money.of(1250, "EUR"));
    private static final SeatPrice B3 = new SeatPrice("B3", SeatType.PREMIUM, Money.of(1800, "EUR"));
    private static final List<SeatPrice> SEATS = List.of(A1, A2);

    private static final BookingPlacedEvent PLACED =
            new BookingPlacedEvent(BOOKING, SCREENING, CUSTOMER, SEATS, Money.of(2500, "EUR"), EXPIRES_AT);
    private static final BookingCancelledEvent CANCELLED = new BookingCancelledEvent(BOOKING, SCREENING);
    private static final BookingExpiredEvent EXPIRED = new BookingExpiredEvent(BOOKING, SCREENING);
    private static final BookingHoldExpiringEvent EXPIRING =
            new BookingHoldExpiringEvent(BOOKING, SCREENING, CUSTOMER, EXPIRES_AT);

    private FixtureConfiguration<Booking> fixture;
    private StubDeadlineManager deadlines;
    /** When set, "now" for the handlers, as when a deadline is handled late (after a restart). */
    private final AtomicReference<Instant> late = new AtomicReference<>();

    @BeforeEach
    void setUp() {
        AggregateTestFixture<Booking> aggregateFixture = new AggregateTestFixture<>(Booking.class);
        fixture = aggregateFixture;
        deadlines = deadlineManagerOf(aggregateFixture);
        deadlines.initializeAt(NOW);
        // "Now" for the handlers that ask (the reminder) is the fixture's deadline clock.
        fixture.registerInjectableResource(new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return late.get() != null ? late.get() : deadlines.getCurrentDateTime();
            }
        });
    }

    /**
     * The booking takes its deadline manager as an argument (HoldingSeats passes the real one),
     * so the test must hand it the fixture's own, the one the deadline expectations look at. Axon
     * 4.13's fixture keeps it in a private field and offers no getter.
     */
    private static StubDeadlineManager deadlineManagerOf(AggregateTestFixture<?> fixture) {
        try {
            Field field = AggregateTestFixture.class.getDeclaredField("deadlineManager");
            field.setAccessible(true);
            return (StubDeadlineManager) field.get(fixture);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("AggregateTestFixture no longer keeps a deadlineManager field", e);
        }
    }

    private Booking placedBooking() {
        return new Booking(BOOKING, SCREENING, CUSTOMER, SEATS, NOW, EXPIRES_AT, NOTICE, deadlines);
    }

    // ---------------------------------------------------------------- placing and expiry

    @Test
    void placingABookingEmitsBookingPlacedWithTheTotalOfItsSeats() {
        fixture.givenNoPriorActivity().whenConstructing(this::placedBooking).expectEvents(PLACED);
    }

    @Test
    void placingABookingSchedulesItsHoldExpiryForTheExpiryInstant() {
        fixture.givenNoPriorActivity()
                .whenConstructing(this::placedBooking)
                .expectScheduledDeadlineWithName(HOLD, Booking.HOLD_EXPIRY)
                .expectScheduledDeadline(EXPIRES_AT, new HoldExpiry(BOOKING.value()));
    }

    @Test
    void aBookingStillAwaitingPaymentWhenItsHoldRunsOutExpires() {
        // Built through the constructor, so the deadline is the one it scheduled, scope included.
        fixture.givenState(this::placedBooking)
                .whenThenTimeAdvancesTo(EXPIRES_AT)
                .expectTriggeredDeadlinesWithName(Booking.HOLD_EXPIRING, Booking.HOLD_EXPIRY)
                .expectEvents(EXPIRING, EXPIRED);
    }

    @Test
    void aBookingDoesNotExpireBeforeItsHoldRunsOut() {
        fixture.givenState(this::placedBooking)
                .whenThenTimeElapses(HOLD.minusSeconds(1))
                .expectEvents(EXPIRING)
                .expectScheduledDeadline(EXPIRES_AT, new HoldExpiry(BOOKING.value()));
    }

    @Test
    void aBookingCancelledBeforeItsHoldRunsOutDoesNotExpire() {
        // The hold-expiry deadline as HoldingSeats leaves it, still pending when the booking is
        // cancelled: the handler itself must leave a cancelled booking alone.
        var given = fixture.given(PLACED, CANCELLED);
        deadlines.schedule(
                EXPIRES_AT,
                Booking.HOLD_EXPIRY,
                new HoldExpiry(BOOKING.value()),
                new AggregateScopeDescriptor(Booking.class.getSimpleName(), BOOKING.value()));

        given.whenThenTimeAdvancesTo(EXPIRES_AT)
                .expectTriggeredDeadlinesWithName(Booking.HOLD_EXPIRY)
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- the reminder before the hold runs out

    @Test
    void placingABookingSchedulesAReminderTheNoticeBeforeItsHoldRunsOut() {
        fixture.givenNoPriorActivity()
                .whenConstructing(this::placedBooking)
                .expectScheduledDeadline(REMIND_AT, new HoldExpiringReminder(BOOKING.value()))
                .expectScheduledDeadlineWithName(REMIND_AT, Booking.HOLD_EXPIRING);
    }

    @Test
    void aHoldNoLongerThanTheNoticeGetsNoReminder() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() ->
                        new Booking(BOOKING, SCREENING, CUSTOMER, SEATS, NOW, NOW.plus(NOTICE), NOTICE, deadlines))
                .expectScheduledDeadlineWithName(NOTICE, Booking.HOLD_EXPIRY)
                .expectNoScheduledDeadlineWithName(NOW, NOW.plus(HOLD), Booking.HOLD_EXPIRING);
    }

    @Test
    void aBookingStillAwaitingPaymentWhenTheReminderFallsDueSaysItsHoldIsRunningOut() {
        fixture.givenState(this::placedBooking)
                .whenThenTimeAdvancesTo(REMIND_AT)
                .expectTriggeredDeadlinesWithName(Booking.HOLD_EXPIRING)
                .expectEvents(EXPIRING)
                .expectScheduledDeadline(EXPIRES_AT, new HoldExpiry(BOOKING.value()));
    }

    @Test
    void aBookingPaidBeforeTheReminderFallsDueIsNotReminded() {
        var given = fixture.given(
                PLACED, new BookingConfirmedEvent(BOOKING, SCREENING, PaymentId.of("payment-1"), PLACED.total()));
        scheduleReminderAsHoldingSeatsLeavesIt();

        given.whenThenTimeAdvancesTo(REMIND_AT)
                .expectTriggeredDeadlinesWithName(Booking.HOLD_EXPIRING)
                .expectNoEvents();
    }

    @Test
    void aBookingCancelledBeforeTheReminderFallsDueIsNotReminded() {
        var given = fixture.given(PLACED, CANCELLED);
        scheduleReminderAsHoldingSeatsLeavesIt();

        given.whenThenTimeAdvancesTo(REMIND_AT)
                .expectTriggeredDeadlinesWithName(Booking.HOLD_EXPIRING)
                .expectNoEvents();
    }

    @Test
    void aBookingExpiredBeforeTheReminderFallsDueIsNotReminded() {
        var given = fixture.given(PLACED, EXPIRED);
        scheduleReminderAsHoldingSeatsLeavesIt();

        given.whenThenTimeAdvancesTo(REMIND_AT)
                .expectTriggeredDeadlinesWithName(Booking.HOLD_EXPIRING)
                .expectNoEvents();
    }

    @Test
    void aReminderThatFallsDueOnlyOnceTheHoldHasRunOutSaysNothing() {
        // As after a restart of the command side: both deadlines overdue, the reminder handled first.
        var given = fixture.given(PLACED);
        scheduleReminderAsHoldingSeatsLeavesIt();
        late.set(EXPIRES_AT.plusSeconds(30));

        given.whenThenTimeAdvancesTo(REMIND_AT)
                .expectTriggeredDeadlinesWithName(Booking.HOLD_EXPIRING)
                .expectNoEvents();
    }

    /**
     * The reminder as HoldingSeats leaves it, still pending when the booking moves on: it is
     * never cancelled, so its handler itself must leave such a booking alone.
     */
    private void scheduleReminderAsHoldingSeatsLeavesIt() {
        deadlines.schedule(
                REMIND_AT,
                Booking.HOLD_EXPIRING,
                new HoldExpiringReminder(BOOKING.value()),
                new AggregateScopeDescriptor(Booking.class.getSimpleName(), BOOKING.value()));
    }

    // ---------------------------------------------------------------- cancelling

    @Test
    void cancellingABookingEmitsBookingCancelledAndAnswersItsScreening() {
        AtomicReference<ScreeningId> answer = new AtomicReference<>();

        fixture.given(PLACED)
                .whenInvoking(BOOKING.value(), booking -> answer.set(booking.cancel(CUSTOMER)))
                .expectEvents(CANCELLED);
        assertThat(answer).hasValue(SCREENING);
    }

    @Test
    void cancellingSomeoneElsesBookingIsRefusedAsIfItDidNotExist() {
        fixture.given(PLACED)
                .whenInvoking(BOOKING.value(), booking -> booking.cancel(SOMEONE_ELSE))
                .expectException(refusal("booking-not-found", null))
                .expectNoEvents();
    }

    @Test
    void cancellingACancelledBookingAgainIsRefused() {
        fixture.given(PLACED, CANCELLED)
                .whenInvoking(BOOKING.value(), booking -> booking.cancel(CUSTOMER))
                .expectException(refusal("booking-not-held", null))
                .expectNoEvents();
    }

    @Test
    void cancellingAnExpiredBookingIsRefused() {
        fixture.given(PLACED, EXPIRED)
                .whenInvoking(BOOKING.value(), booking -> booking.cancel(CUSTOMER))
                .expectException(refusal("booking-not-held", null))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------- changing seats

    @Test
    void changingSeatsEmitsTheWholeNewSeatListWithItsTotal() {
        List<SeatPrice> changed = List.of(A2, B3);

        fixture.given(PLACED)
                .whenInvoking(BOOKING.value(), booking -> booking.changeSeats(changed))
                .expectEvents(new BookingSeatsChangedEvent(BOOKING, changed, Money.of(3050, "EUR")));
    }

    @Test
    void changingSeatsOfAnExpiredBookingIsRefused() {
        fixture.given(PLACED, EXPIRED)
                .whenInvoking(BOOKING.value(), booking -> booking.changeSeats(List.of(A1)))
                .expectException(refusal("booking-not-held", null))
                .expectNoEvents();
    }

    @Test
    void theOwnerMayChangeAHeldBookingOnItsScreening() {
        AtomicReference<ScreeningId> answer = new AtomicReference<>();

        fixture.given(PLACED)
                .whenInvoking(BOOKING.value(), booking -> answer.set(booking.requireChangeableBy(CUSTOMER)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        assertThat(answer).hasValue(SCREENING);
    }

    @Test
    void changingSomeoneElsesBookingIsRefusedAsIfItDidNotExist() {
        fixture.given(PLACED)
                .whenInvoking(BOOKING.value(), booking -> booking.requireChangeableBy(SOMEONE_ELSE))
                .expectException(refusal("booking-not-found", null));
    }

    @Test
    void theSeatsOfABookingAreThoseOfItsLatestChange() {
        List<SeatPrice> changed = List.of(A2, B3);
        AtomicReference<List<SeatPrice>> answer = new AtomicReference<>();

        fixture.given(PLACED, new BookingSeatsChangedEvent(BOOKING, changed, Money.of(3050, "EUR")))
                .whenInvoking(BOOKING.value(), booking -> answer.set(booking.seatsFor(CUSTOMER)))
                .expectNoEvents();
        assertThat(answer.get()).containsExactly(A2, B3);
    }
}
