package dev.cinema.command.catalogue.screening;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.cinema.command.catalogue.screen.SeatLabel;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.catalogue.screen.LayoutCell;
import dev.cinema.contracts.catalogue.screen.SeatLayout;
import dev.cinema.contracts.catalogue.screen.SeatRow;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.common.Money;
import dev.cinema.platform.refusal.Refusal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The seats of one screening and who has them: free, held by a booking until an instant, or sold
 * to a booking. It decides whether a hold or a change may happen (all or nothing, no seat twice,
 * no single seat stranded) and otherwise only records what the screening's events say. Plain
 * Java, no framework: the rules are tested without a fixture, and the screening stays about its
 * showtime.
 *
 * <p>A hold whose instant has passed no longer blocks its seats, even before its expiry has been
 * processed: the deadline can be late, customers are not.
 */
// Part of the screening's snapshot, written with Jackson from the fields.
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE)
final class SeatAllocation {

    static final int MAX_SEATS_PER_BOOKING = 10;

    private Map<String, SeatType> seatTypes;
    /** Runs of adjacent seats, row by row, split at gaps: the neighbourhood of the stranded-seat rule. */
    private List<List<String>> blocks;

    private Map<String, BookingId> heldBy;
    private Map<BookingId, Instant> holdExpiry;
    /** Sold seats and the booking each was sold to (a refund returns them per booking). */
    private Map<String, BookingId> soldTo;

    private SeatAllocation() {}

    /** Every seat of the layout, all free. */
    static SeatAllocation of(SeatLayout layout) {
        SeatAllocation allocation = new SeatAllocation();
        allocation.seatTypes = new HashMap<>();
        for (SeatLayout.Seat seat : layout.seats()) {
            allocation.seatTypes.put(seat.label(), seat.type());
        }
        allocation.blocks = new ArrayList<>();
        for (SeatRow row : layout.rows()) {
            List<String> block = new ArrayList<>();
            for (LayoutCell cell : row.cells()) {
                if (cell.sellable()) {
                    block.add(row.label() + cell.number());
                } else if (!block.isEmpty()) {
                    allocation.blocks.add(block);
                    block = new ArrayList<>();
                }
            }
            if (!block.isEmpty()) {
                allocation.blocks.add(block);
            }
        }
        allocation.heldBy = new HashMap<>();
        allocation.holdExpiry = new HashMap<>();
        allocation.soldTo = new HashMap<>();
        return allocation;
    }

    // ---------------------------------------------------------------- decisions

    /** The seats a new hold would take (normalised), once every rule is met; refuses otherwise. */
    Set<String> toHold(BookingId bookingId, Collection<String> requested, Instant now, boolean preventStrandedSeats) {
        Set<String> seats = checked(requested, "seats");
        if (seats.isEmpty() || seats.size() > MAX_SEATS_PER_BOOKING) {
            throw new Refusal("seat-count", "seats", "A booking holds 1 to " + MAX_SEATS_PER_BOOKING + " seats");
        }
        requireFree(seats, bookingId, now);
        if (preventStrandedSeats) {
            requireNoStrandedSeat(seats, Set.of(), now);
        }
        return seats;
    }

    /** What a change of a running hold adds and removes, and until when the hold runs. */
    record Change(Set<String> adding, Set<String> removing, Instant expiresAt) {}

    /**
     * Checks adding and removing seats of a booking's running hold in one step: the whole result
     * must hold. {@code held} are the seats the booking holds now.
     */
    Change toChange(
            BookingId bookingId,
            Set<String> held,
            Collection<String> add,
            Collection<String> remove,
            Instant now,
            boolean preventStrandedSeats) {
        Instant expiresAt = holdExpiry.get(bookingId);
        if (expiresAt == null || !expiresAt.isAfter(now)) {
            // Between the expiry instant and the deadline's processing the booking still says
            // "awaiting payment"; its seats may already be someone else's.
            throw new Refusal("booking-not-held", null, "The hold has run out");
        }
        Set<String> adding = checked(add == null ? List.of() : add, "add");
        Set<String> removing = checked(remove == null ? List.of() : remove, "remove");
        List<String> notHeld =
                removing.stream().filter(seat -> !held.contains(seat)).toList();
        if (!notHeld.isEmpty()) {
            throw new Refusal(
                    "seats-not-in-booking", "remove", "Not part of this booking: " + String.join(", ", notHeld));
        }
        adding.removeAll(held);
        int resulting = held.size() - removing.size() + adding.size();
        if (resulting < 1 || resulting > MAX_SEATS_PER_BOOKING) {
            throw new Refusal(
                    "seat-count",
                    "add",
                    "A booking holds 1 to " + MAX_SEATS_PER_BOOKING + " seats; to release them all, cancel it");
        }
        requireFree(adding, bookingId, now);
        if (preventStrandedSeats) {
            requireNoStrandedSeat(adding, removing, now);
        }
        return new Change(adding, removing, expiresAt);
    }

    /** The seats a booking holds (all, or only those in {@code only} when it names any), sorted. */
    List<String> heldBy(BookingId bookingId, Collection<String> only) {
        return ownedBy(heldBy, bookingId, only == null || only.isEmpty() ? null : only);
    }

    /** The seats sold to a booking (all when {@code only} is null), sorted. */
    List<String> soldTo(BookingId bookingId, Collection<String> only) {
        return ownedBy(soldTo, bookingId, only);
    }

    /** The prices these seats cost now. */
    List<SeatPrice> quote(Collection<String> seats, Map<SeatType, Money> prices) {
        return seats.stream()
                .map(seat -> new SeatPrice(seat, seatTypes.get(seat), prices.get(seatTypes.get(seat))))
                .toList();
    }

    /** The seat types this screening has (the prices must cover exactly these). */
    Set<SeatType> seatTypes() {
        return seatTypes.values().stream().collect(Collectors.toCollection(() -> EnumSet.noneOf(SeatType.class)));
    }

    Optional<Instant> holdExpiry(BookingId bookingId) {
        return Optional.ofNullable(holdExpiry.get(bookingId));
    }

    /** Normalised labels ("f12" is "F12"), each a seat of this screening, none twice. */
    private Set<String> checked(Collection<String> requested, String field) {
        Set<String> seats = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String label : requested) {
            String seat = SeatLabel.normalise(label);
            if (!seatTypes.containsKey(seat)) {
                unknown.add(label);
            } else if (!seats.add(seat)) {
                throw new Refusal("duplicate-seat", field, "Seat " + seat + " is listed twice");
            }
        }
        if (!unknown.isEmpty()) {
            throw new Refusal(
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
            throw new Refusal(
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
     * seat is all but unsellable. Checked on the state the change would produce, and only around
     * the seats the change touches (a stranded seat someone else left is not this caller's doing).
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
                String before = block.get(i - 1);
                String after = block.get(i + 1);
                boolean alone = !taken.contains(seat) && taken.contains(before) && taken.contains(after);
                boolean causedByThisChange =
                        taking.contains(before) || taking.contains(after) || freeing.contains(seat);
                if (alone && causedByThisChange) {
                    stranded.add(seat);
                }
            }
        }
        if (!stranded.isEmpty()) {
            throw new Refusal(
                    "stranded-seat",
                    "seats",
                    "This choice would leave a single empty seat between taken seats: " + String.join(", ", stranded),
                    Map.of("strandedSeats", stranded));
        }
    }

    /** The seats {@code owners} gives to a booking, those in {@code only} when it is not null, sorted. */
    private static List<String> ownedBy(Map<String, BookingId> owners, BookingId bookingId, Collection<String> only) {
        return owners.entrySet().stream()
                .filter(entry -> entry.getValue().equals(bookingId))
                .map(Map.Entry::getKey)
                .filter(seat -> only == null || only.contains(seat))
                .sorted()
                .toList();
    }

    // ---------------------------------------------------------------- what the events say

    void held(BookingId bookingId, List<SeatPrice> seats, Instant expiresAt) {
        seats.forEach(seat -> heldBy.put(seat.seat(), bookingId));
        holdExpiry.put(bookingId, expiresAt);
    }

    void sold(BookingId bookingId, List<String> seats) {
        seats.forEach(seat -> {
            heldBy.remove(seat, bookingId);
            soldTo.put(seat, bookingId);
        });
        holdExpiry.remove(bookingId);
    }

    void released(BookingId bookingId, List<String> seats) {
        seats.forEach(seat -> {
            heldBy.remove(seat, bookingId);
            soldTo.remove(seat, bookingId);
        });
        if (!heldBy.containsValue(bookingId)) {
            holdExpiry.remove(bookingId);
        }
    }
}
