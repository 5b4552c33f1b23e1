package dev.cinema.command.catalogue.screening;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.cinema.command.catalogue.Text;
import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.ReleaseReason;
import dev.cinema.contracts.booking.ReleaseSeatsCommand;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.booking.SeatsHeldEvent;
import dev.cinema.contracts.booking.SeatsReleasedEvent;
import dev.cinema.contracts.booking.SeatsSoldEvent;
import dev.cinema.contracts.catalogue.screen.ScreenId;
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
import dev.cinema.platform.refusal.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One showtime of a film on a screen, and the owner of its seat inventory: every seat is free,
 * held by one booking until an instant, or sold. Holding is all or nothing, and because every
 * decision is taken against this aggregate's own event stream (whose (aggregate, sequence) key
 * the event store keeps unique), a seat can never be held or sold twice, whatever the number of
 * command-side processes.
 *
 * <p>Scheduling and rescheduling need the screen's other screenings, so {@link SchedulingScreenings}
 * checks overlaps and then asks this aggregate; bookings come through {@code HoldingSeats},
 * which also updates the booking in the same unit of work.
 */
@Aggregate(
        cache = "screeningCache",
        snapshotTriggerDefinition = "screeningSnapshotTrigger",
        lockFactory = "screeningLockFactory")
// Snapshots are written with Jackson from the fields: the aggregate has (and should have) no getters.
// Revision 2: the seats moved into SeatAllocation; older snapshots are skipped, the events replayed.
@Revision("2")
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE)
class Screening {

    @AggregateIdentifier
    private ScreeningId screeningId;

    private ScreenId screenId;
    private Instant startsAt;
    private Map<SeatType, Money> prices;
    private boolean onSale;
    private boolean cancelled;
    private SeatAllocation seats;

    protected Screening() {}

    Screening(ScreeningScheduledEvent scheduled) {
        apply(scheduled);
    }

    void reschedule(Instant newStart, Instant newEnd, Instant now) {
        requireNotCancelled(null);
        requireNotStarted(now, null);
        if (!newStart.isAfter(now)) {
            throw new Refusal("start-in-past", "startsAt", "startsAt must be in the future");
        }
        if (!newStart.equals(startsAt)) {
            apply(new ScreeningRescheduledEvent(screeningId, screenId, newStart, newEnd));
        }
    }

    @CommandHandler
    void handle(ChangeScreeningPricesCommand command) {
        requireNotCancelled(null);
        apply(new ScreeningPricesChangedEvent(screeningId, PriceRules.checked(command.prices(), seats.seatTypes())));
    }

    @CommandHandler
    void handle(OpenScreeningSalesCommand command, Clock clock) {
        requireNotCancelled(null);
        requireNotStarted(clock.instant(), null);
        if (!onSale) {
            apply(new ScreeningSalesOpenedEvent(screeningId));
        }
    }

    @CommandHandler
    void handle(CancelScreeningCommand command) {
        if (!cancelled) {
            apply(new ScreeningCancelledEvent(screeningId, screenId, Text.optional(command.reason(), "reason", 500)));
        }
    }

    // ---------------------------------------------------------------- seats

    /**
     * Holds {@code requested} seats for a booking until {@code holdUntil}, all or none, and
     * answers the seats with the prices they were quoted at.
     */
    List<SeatPrice> hold(
            BookingId bookingId,
            AccountId customerId,
            Collection<String> requested,
            Instant holdUntil,
            Instant now,
            boolean preventStrandedSeats) {
        requireBookable(now);
        List<SeatPrice> quoted = seats.quote(seats.toHold(bookingId, requested, now, preventStrandedSeats), prices);
        apply(new SeatsHeldEvent(screeningId, bookingId, customerId, quoted, holdUntil));
        return quoted;
    }

    /**
     * Adds and removes seats of a booking's hold in one step; the whole result must hold. Answers
     * every seat the booking then holds, with prices (seats kept keep their quoted price).
     */
    Screenings.Hold changeHold(
            BookingId bookingId,
            AccountId customerId,
            List<SeatPrice> current,
            Collection<String> add,
            Collection<String> remove,
            Instant now,
            boolean preventStrandedSeats) {
        requireBookable(now);
        Set<String> held = current.stream().map(SeatPrice::seat).collect(Collectors.toCollection(LinkedHashSet::new));
        SeatAllocation.Change change = seats.toChange(bookingId, held, add, remove, now, preventStrandedSeats);
        if (!change.removing().isEmpty()) {
            apply(new SeatsReleasedEvent(
                    screeningId, bookingId, List.copyOf(change.removing()), ReleaseReason.CHANGED));
        }
        List<SeatPrice> added = seats.quote(change.adding(), prices);
        if (!added.isEmpty()) {
            apply(new SeatsHeldEvent(screeningId, bookingId, customerId, added, change.expiresAt()));
        }
        List<SeatPrice> result = new ArrayList<>(current.stream()
                .filter(seat -> !change.removing().contains(seat.seat()))
                .toList());
        result.addAll(added);
        return new Screenings.Hold(screeningId, result, change.expiresAt());
    }

    /**
     * Sells the seats a booking holds, if its hold is still running and the screening still on:
     * answers false when it is too late (the payment must then be given back, never kept).
     */
    boolean sell(BookingId bookingId, Instant now) {
        List<String> held = seats.heldBy(bookingId, null);
        boolean running = seats.holdExpiry(bookingId)
                .filter(expiry -> expiry.isAfter(now))
                .isPresent();
        if (cancelled || held.isEmpty() || !running) {
            return false;
        }
        apply(new SeatsSoldEvent(screeningId, bookingId, held));
        return true;
    }

    /** Frees seats sold to a booking whose money went back (all of them when {@code only} is null). */
    List<String> returnSold(BookingId bookingId, Collection<String> only) {
        List<String> returned = seats.soldTo(bookingId, only);
        apply(new SeatsReleasedEvent(screeningId, bookingId, returned, ReleaseReason.REFUNDED));
        return returned;
    }

    /** Frees what the booking still holds here (all of it, or only {@code only}); nothing if none. */
    @CommandHandler
    void handle(ReleaseSeatsCommand command) {
        release(command.bookingId(), command.seats(), command.reason());
    }

    /**
     * Always records the release, even when the booking holds nothing here any more (its seats
     * were re-held after its expiry): a decision taken on a stale cached copy of this screening
     * in another process must fail on the event store's key and be retried, not pass silently
     * and leave seats held.
     */
    void release(BookingId bookingId, Collection<String> only, ReleaseReason reason) {
        apply(new SeatsReleasedEvent(screeningId, bookingId, seats.heldBy(bookingId, only), reason));
    }

    /** Seats can be held: refusals name the request's screeningId, the input that cannot be served. */
    private void requireBookable(Instant now) {
        requireNotCancelled("screeningId");
        requireNotStarted(now, "screeningId");
        if (!onSale) {
            throw new Refusal("screening-not-on-sale", "screeningId", "The screening is not on sale yet");
        }
    }

    private void requireNotStarted(Instant now, String field) {
        if (!startsAt.isAfter(now)) {
            throw new Refusal("screening-started", field, "The screening has already started");
        }
    }

    private void requireNotCancelled(String field) {
        if (cancelled) {
            throw new Refusal("screening-cancelled", field, "Screening " + screeningId + " is cancelled");
        }
    }

    // ---------------------------------------------------------------- event sourcing

    @EventSourcingHandler
    void on(ScreeningScheduledEvent event) {
        screeningId = event.screeningId();
        screenId = event.screenId();
        startsAt = event.startsAt();
        onSale = event.onSale();
        prices = new HashMap<>(event.prices());
        seats = SeatAllocation.of(event.layout());
    }

    @EventSourcingHandler
    void on(ScreeningRescheduledEvent event) {
        startsAt = event.startsAt();
    }

    @EventSourcingHandler
    void on(ScreeningPricesChangedEvent event) {
        prices = new HashMap<>(event.prices());
    }

    @EventSourcingHandler
    void on(ScreeningSalesOpenedEvent event) {
        onSale = true;
    }

    @EventSourcingHandler
    void on(ScreeningCancelledEvent event) {
        cancelled = true;
        onSale = false;
    }

    @EventSourcingHandler
    void on(SeatsHeldEvent event) {
        seats.held(event.bookingId(), event.seats(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(SeatsSoldEvent event) {
        seats.sold(event.bookingId(), event.seats());
    }

    @EventSourcingHandler
    void on(SeatsReleasedEvent event) {
        seats.released(event.bookingId(), event.seats());
    }
}
