package dev.cinema.command.catalogue.screening;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.cinema.command.catalogue.Text;
import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.ReleaseReason;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.booking.SeatsHeldEvent;
import dev.cinema.contracts.booking.SeatsReleasedEvent;
import dev.cinema.contracts.booking.SeatsSoldEvent;
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
import dev.cinema.platform.web.DomainException;
import dev.cinema.platform.web.ProblemKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One showtime of a film on a screen, and the owner of its seat inventory: every seat is free,
 * held by one booking until an instant, or sold. Holding is all or nothing, and because every
 * decision is taken against this aggregate's own event stream (whose (aggregate, sequence) key
 * the event store keeps unique), a seat can never be held or sold twice, whatever the number of
 * command-side processes.
 *
 * <p>Scheduling and rescheduling need the screen's other screenings, so {@link ScreeningScheduling}
 * checks overlaps and then asks this aggregate; bookings come through {@code BookingPlacement},
 * which also updates the booking in the same unit of work.
 */
@Aggregate(cache = "screeningCache", snapshotTriggerDefinition = "screeningSnapshotTrigger")
// Snapshots are written with Jackson from the fields: the aggregate has (and should have) no getters.
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE)
class Screening {

    static final int MAX_SEATS_PER_BOOKING = 10;

    @AggregateIdentifier
    private ScreeningId screeningId;

    private ScreenId screenId;
    private Instant startsAt;
    private Map<String, SeatType> seatTypes;
    /** Runs of adjacent seats, row by row, split at gaps: the neighbourhood of the stranded-seat rule. */
    private List<List<String>> blocks;

    private Map<SeatType, Money> prices;
    private boolean onSale;
    private boolean cancelled;
    private Map<String, BookingId> heldBy;
    private Map<BookingId, Instant> holdExpiry;
    /** Sold seats and the booking each was sold to (a refund returns them per booking). */
    private Map<String, BookingId> soldTo;

    protected Screening() {}

    Screening(ScreeningScheduledEvent scheduled) {
        apply(scheduled);
    }

    void reschedule(Instant newStart, Instant newEnd, Instant now) {
        requireNotCancelled();
        if (!startsAt.isAfter(now)) {
            throw DomainException.conflict("screening-started", null, "The screening has already started");
        }
        if (!newStart.isAfter(now)) {
            throw DomainException.invalid("start-in-past", "startsAt", "startsAt must be in the future");
        }
        if (!newStart.equals(startsAt)) {
            apply(new ScreeningRescheduledEvent(screeningId, screenId, newStart, newEnd));
        }
    }

    @CommandHandler
    void handle(ChangeScreeningPricesCommand command) {
        requireNotCancelled();
        apply(new ScreeningPricesChangedEvent(screeningId, PriceRules.checked(command.prices(), seatTypeSet())));
    }

    @CommandHandler
    void handle(OpenScreeningSalesCommand command, Clock clock) {
        requireNotCancelled();
        if (!startsAt.isAfter(clock.instant())) {
            throw DomainException.conflict("screening-started", null, "The screening has already started");
        }
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

    // ---------------------------------------------------------------- seat inventory

    /**
     * Holds {@code requested} seats for a booking until {@code holdUntil}, all or none, and
     * answers the seats with the prices they were quoted at. A hold whose time has passed no
     * longer blocks its seats, even before its expiry has been processed.
     */
    List<SeatPrice> hold(
            BookingId bookingId,
            AccountId customerId,
            Collection<String> requested,
            Instant holdUntil,
            Instant now,
            boolean preventStrandedSeats) {
        requireBookable(now);
        Set<String> seats = checkedSeats(requested, "seats");
        if (seats.isEmpty() || seats.size() > MAX_SEATS_PER_BOOKING) {
            throw DomainException.badRequest(
                    "seat-count", "seats", "A booking holds 1 to " + MAX_SEATS_PER_BOOKING + " seats");
        }
        requireFree(seats, bookingId, now);
        if (preventStrandedSeats) {
            requireNoStrandedSeat(seats, Set.of(), now);
        }
        List<SeatPrice> quoted = quote(seats);
        apply(new SeatsHeldEvent(screeningId, bookingId, customerId, quoted, holdUntil));
        return quoted;
    }

    /**
     * Adds and removes seats of a booking's hold in one step; the whole result must hold. Answers
     * every seat the booking then holds, with prices (seats kept keep their quoted price).
     */
    SeatInventory.Hold changeHold(
            BookingId bookingId,
            AccountId customerId,
            List<SeatPrice> current,
            Collection<String> add,
            Collection<String> remove,
            Instant now,
            boolean preventStrandedSeats) {
        requireBookable(now);
        Instant expiresAt = holdExpiry.get(bookingId);
        if (expiresAt == null || !expiresAt.isAfter(now)) {
            // Between the expiry instant and the deadline's processing the booking still says
            // "awaiting payment"; its seats may already be someone else's.
            throw DomainException.conflict("booking-not-held", null, "The hold has run out");
        }
        Set<String> adding = checkedSeats(add == null ? List.of() : add, "add");
        Set<String> removing = checkedSeats(remove == null ? List.of() : remove, "remove");
        Set<String> held = current.stream().map(SeatPrice::seat).collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> notHeld =
                removing.stream().filter(seat -> !held.contains(seat)).toList();
        if (!notHeld.isEmpty()) {
            throw DomainException.badRequest(
                    "seats-not-in-booking", "remove", "Not part of this booking: " + String.join(", ", notHeld));
        }
        adding.removeAll(held);
        int resulting = held.size() - removing.size() + adding.size();
        if (resulting < 1 || resulting > MAX_SEATS_PER_BOOKING) {
            throw DomainException.badRequest(
                    "seat-count",
                    "add",
                    "A booking holds 1 to " + MAX_SEATS_PER_BOOKING + " seats; to release them all, cancel it");
        }
        requireFree(adding, bookingId, now);
        if (preventStrandedSeats) {
            requireNoStrandedSeat(adding, removing, now);
        }
        if (!removing.isEmpty()) {
            apply(new SeatsReleasedEvent(screeningId, bookingId, List.copyOf(removing), ReleaseReason.CHANGED));
        }
        List<SeatPrice> added = quote(adding);
        if (!added.isEmpty()) {
            apply(new SeatsHeldEvent(screeningId, bookingId, customerId, added, expiresAt));
        }
        List<SeatPrice> result = new ArrayList<>(
                current.stream().filter(s -> !removing.contains(s.seat())).toList());
        result.addAll(added);
        return new SeatInventory.Hold(result, expiresAt);
    }

    /**
     * Sells the seats a booking holds, if its hold is still running and the screening still on:
     * answers false when it is too late (the payment must then be given back, never kept).
     */
    boolean sell(BookingId bookingId, Instant now) {
        List<String> seats = heldBy.entrySet().stream()
                .filter(entry -> entry.getValue().equals(bookingId))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        Instant expiresAt = holdExpiry.get(bookingId);
        if (cancelled || seats.isEmpty() || expiresAt == null || !expiresAt.isAfter(now)) {
            return false;
        }
        apply(new SeatsSoldEvent(screeningId, bookingId, seats));
        return true;
    }

    /** Frees seats sold to a booking whose money went back (all of them when {@code seats} is null). */
    List<String> returnSold(BookingId bookingId, Collection<String> seats) {
        List<String> returned = soldTo.entrySet().stream()
                .filter(entry -> entry.getValue().equals(bookingId))
                .map(Map.Entry::getKey)
                .filter(seat -> seats == null || seats.contains(seat))
                .sorted()
                .toList();
        apply(new SeatsReleasedEvent(screeningId, bookingId, returned, ReleaseReason.REFUNDED));
        return returned;
    }

    /** Frees what the booking still holds here (all of it, or only {@code only}); nothing if none. */
    @CommandHandler
    void handle(dev.cinema.contracts.booking.ReleaseSeatsCommand command) {
        release(command.bookingId(), command.seats(), command.reason());
    }

    /**
     * Always records the release, even when the booking holds nothing here any more (its seats
     * were re-held after its expiry): a decision taken on a stale cached copy of this screening
     * in another process must fail on the event store's key and be retried, not pass silently
     * and leave seats held.
     */
    void release(BookingId bookingId, Collection<String> only, ReleaseReason reason) {
        List<String> released = heldBy.entrySet().stream()
                .filter(entry -> entry.getValue().equals(bookingId))
                .map(Map.Entry::getKey)
                .filter(seat -> only == null || only.isEmpty() || only.contains(seat))
                .sorted()
                .toList();
        apply(new SeatsReleasedEvent(screeningId, bookingId, released, reason));
    }

    private void requireBookable(Instant now) {
        if (cancelled) {
            throw DomainException.badRequest("screening-cancelled", "screeningId", "The screening is cancelled");
        }
        if (!startsAt.isAfter(now)) {
            throw DomainException.badRequest("screening-started", "screeningId", "The screening has already started");
        }
        if (!onSale) {
            throw DomainException.badRequest(
                    "screening-not-on-sale", "screeningId", "The screening is not on sale yet");
        }
    }

    /** Normalised labels ("f12" is "F12"), each a seat of this screening, none twice. */
    private Set<String> checkedSeats(Collection<String> requested, String field) {
        Set<String> seats = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String label : requested) {
            String seat = label == null ? "" : label.trim().toUpperCase(java.util.Locale.ROOT);
            if (!seatTypes.containsKey(seat)) {
                unknown.add(label);
            } else if (!seats.add(seat)) {
                throw DomainException.badRequest("duplicate-seat", field, "Seat " + seat + " is listed twice");
            }
        }
        if (!unknown.isEmpty()) {
            throw new DomainException(
                    ProblemKind.BAD_REQUEST,
                    "unknown-seats",
                    field,
                    "No such seats in this screening: " + String.join(", ", unknown),
                    Map.of("unknownSeats", unknown));
        }
        return seats;
    }

    private void requireFree(Collection<String> seats, BookingId bookingId, Instant now) {
        List<String> taken = seats.stream()
                .filter(seat -> !isFreeFor(seat, bookingId, now))
                .sorted()
                .toList();
        if (!taken.isEmpty()) {
            throw new DomainException(
                    ProblemKind.CONFLICT,
                    "seats-unavailable",
                    "seats",
                    "These seats are not free: " + String.join(", ", taken),
                    Map.of("unavailableSeats", taken));
        }
    }

    private boolean isFreeFor(String seat, BookingId bookingId, Instant now) {
        if (soldTo.containsKey(seat)) {
            return false;
        }
        BookingId holder = heldBy.get(seat);
        return holder == null
                || holder.equals(bookingId)
                || !holdExpiry.getOrDefault(holder, Instant.MIN).isAfter(now);
    }

    /**
     * A hold may not leave one free seat alone between two taken seats of the same block: such a
     * seat is all but unsellable. Checked on the state the change would produce.
     */
    private void requireNoStrandedSeat(Set<String> taking, Set<String> freeing, Instant now) {
        Set<String> taken = new HashSet<>(taking);
        for (String seat : seatTypes.keySet()) {
            if (!freeing.contains(seat) && !isFreeFor(seat, null, now)) {
                taken.add(seat);
            }
        }
        List<String> stranded = new ArrayList<>();
        for (List<String> block : blocks) {
            for (int i = 1; i < block.size() - 1; i++) {
                String seat = block.get(i);
                if (!taken.contains(seat)
                        && taken.contains(block.get(i - 1))
                        && taken.contains(block.get(i + 1))
                        && (taking.contains(block.get(i - 1))
                                || taking.contains(block.get(i + 1))
                                || freeing.contains(seat))) {
                    stranded.add(seat);
                }
            }
        }
        if (!stranded.isEmpty()) {
            throw new DomainException(
                    ProblemKind.CONFLICT,
                    "stranded-seat",
                    "seats",
                    "This choice would leave a single empty seat between taken seats: " + String.join(", ", stranded),
                    Map.of("strandedSeats", stranded));
        }
    }

    private List<SeatPrice> quote(Collection<String> seats) {
        return seats.stream()
                .map(seat -> new SeatPrice(seat, seatTypes.get(seat), prices.get(seatTypes.get(seat))))
                .toList();
    }

    private Set<SeatType> seatTypeSet() {
        return seatTypes.values().stream().collect(Collectors.toCollection(() -> EnumSet.noneOf(SeatType.class)));
    }

    private void requireNotCancelled() {
        if (cancelled) {
            throw DomainException.conflict("screening-cancelled", null, "Screening " + screeningId + " is cancelled");
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
        seatTypes = new HashMap<>();
        for (SeatLayout.Seat seat : event.layout().seats()) {
            seatTypes.put(seat.label(), seat.type());
        }
        blocks = new ArrayList<>();
        for (SeatRow row : event.layout().rows()) {
            List<String> block = new ArrayList<>();
            for (LayoutCell cell : row.cells()) {
                if (cell.sellable()) {
                    block.add(row.label() + cell.number());
                } else if (!block.isEmpty()) {
                    blocks.add(block);
                    block = new ArrayList<>();
                }
            }
            if (!block.isEmpty()) {
                blocks.add(block);
            }
        }
        heldBy = new HashMap<>();
        holdExpiry = new HashMap<>();
        soldTo = new HashMap<>();
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
        event.seats().forEach(seat -> heldBy.put(seat.seat(), event.bookingId()));
        holdExpiry.put(event.bookingId(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(SeatsSoldEvent event) {
        event.seats().forEach(seat -> {
            heldBy.remove(seat, event.bookingId());
            soldTo.put(seat, event.bookingId());
        });
        holdExpiry.remove(event.bookingId());
    }

    @EventSourcingHandler
    void on(SeatsReleasedEvent event) {
        event.seats().forEach(seat -> {
            heldBy.remove(seat, event.bookingId());
            soldTo.remove(seat, event.bookingId());
        });
        if (!heldBy.containsValue(event.bookingId())) {
            holdExpiry.remove(event.bookingId());
        }
    }
}
