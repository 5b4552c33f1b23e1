package dev.cinema.query.booking;

import dev.cinema.contracts.booking.BookingCancelledEvent;
import dev.cinema.contracts.booking.BookingConfirmedEvent;
import dev.cinema.contracts.booking.BookingExpiredEvent;
import dev.cinema.contracts.booking.BookingHoldExpiringEvent;
import dev.cinema.contracts.booking.BookingPlacedEvent;
import dev.cinema.contracts.booking.BookingRefundedEvent;
import dev.cinema.contracts.booking.BookingSeatsChangedEvent;
import dev.cinema.contracts.booking.BookingSeatsReturnedEvent;
import dev.cinema.contracts.booking.BookingStatus;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.common.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A booking as its own events leave it: the one fold of booking events, used by "my bookings"
 * ({@link CustomerBookingProjection}) and by auditors (a booking's state as of an instant,
 * reconciliation), so that the read model and the audit can never disagree about what an event
 * means. Immutable, one method per event, nothing stored. What its payments gave back is not
 * here: that is the payments' story ({@code PaymentState}).
 *
 * @param seats         the seats it still has, at the prices quoted
 * @param returnedSeats the seats given back (and refunded), at the prices they were bought at
 * @param total         what it costs: the seats' prices while held, what was paid once confirmed
 * @param expiresAt     when the hold runs out, while awaiting payment
 */
public record BookingState(
        String bookingId,
        String customerId,
        String screeningId,
        List<SeatPrice> seats,
        List<SeatPrice> returnedSeats,
        Money total,
        BookingStatus status,
        Instant expiresAt,
        Instant placedAt) {

    public BookingState {
        seats = List.copyOf(seats);
        returnedSeats = List.copyOf(returnedSeats);
    }

    public static BookingState placed(BookingPlacedEvent event, Instant at) {
        return new BookingState(
                event.bookingId().value(),
                event.customerId().value(),
                event.screeningId().value(),
                event.seats(),
                List.of(),
                event.total(),
                BookingStatus.AWAITING_PAYMENT,
                event.expiresAt(),
                at);
    }

    public BookingState on(BookingSeatsChangedEvent event) {
        return new BookingState(
                bookingId,
                customerId,
                screeningId,
                event.seats(),
                returnedSeats,
                event.total(),
                status,
                expiresAt,
                placedAt);
    }

    /** Paid: the total is what was paid, and the hold's deadline no longer applies. */
    public BookingState on(BookingConfirmedEvent event) {
        return new BookingState(
                bookingId,
                customerId,
                screeningId,
                seats,
                returnedSeats,
                event.total(),
                BookingStatus.CONFIRMED,
                null,
                placedAt);
    }

    /**
     * Paid seats went back: they move from its seats to its returned ones, at the price they were
     * bought at (the event names them; their prices are the booking's own). The total stays what
     * was paid.
     */
    public BookingState on(BookingSeatsReturnedEvent event) {
        Set<String> named = Set.copyOf(event.seats());
        List<SeatPrice> returned = new ArrayList<>(returnedSeats);
        seats.stream().filter(seat -> named.contains(seat.seat())).forEach(returned::add);
        return new BookingState(
                bookingId, customerId, screeningId, event.remaining(), returned, total, status, expiresAt, placedAt);
    }

    /** Nothing is left of it: every seat went back. */
    public BookingState on(BookingRefundedEvent event) {
        return withStatus(BookingStatus.REFUNDED);
    }

    public BookingState on(BookingCancelledEvent event) {
        return withStatus(BookingStatus.CANCELLED);
    }

    public BookingState on(BookingExpiredEvent event) {
        return withStatus(BookingStatus.EXPIRED);
    }

    /** A reminder that the hold runs out soon: the booking itself does not change (it shows its expiry already). */
    public BookingState on(BookingHoldExpiringEvent event) {
        return this;
    }

    /** What it keeps of its customer's money for its seats: their prices while confirmed, else nothing. */
    public Money worth() {
        return status == BookingStatus.CONFIRMED
                ? seats.stream().map(SeatPrice::price).reduce(Money.of(0, total.currency()), Money::plus)
                : Money.of(0, total.currency());
    }

    private BookingState withStatus(BookingStatus next) {
        return new BookingState(
                bookingId, customerId, screeningId, seats, returnedSeats, total, next, expiresAt, placedAt);
    }
}
