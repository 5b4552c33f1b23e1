package dev.cinema.command.booking;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.cinema.command.catalogue.screen.SeatLabel;
import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingCancelledEvent;
import dev.cinema.contracts.booking.BookingConfirmedEvent;
import dev.cinema.contracts.booking.BookingExpiredEvent;
import dev.cinema.contracts.booking.BookingHoldExpiringEvent;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.BookingPlacedEvent;
import dev.cinema.contracts.booking.BookingRefundedEvent;
import dev.cinema.contracts.booking.BookingSeatsChangedEvent;
import dev.cinema.contracts.booking.BookingSeatsReturnedEvent;
import dev.cinema.contracts.booking.BookingStatus;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentId;
import dev.cinema.platform.refusal.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A customer's order: which seats of which screening, at which price, and where it stands
 * (awaiting payment, confirmed, expired, cancelled, refunded). Its hold runs out by itself through
 * a persistent deadline, which survives restarts of the command side.
 */
@Aggregate
class Booking {

    static final String HOLD_EXPIRY = "hold-expiry";
    static final String HOLD_EXPIRING = "hold-expiring";

    @AggregateIdentifier
    private BookingId bookingId;

    private ScreeningId screeningId;
    private AccountId customerId;
    private List<SeatPrice> seats;
    private BookingStatus status;
    private PaymentId paidWith;
    private Instant expiresAt;

    protected Booking() {}

    /**
     * Called by {@link HoldingSeats} once the screening has held the seats, in the same unit of
     * work. Two persistent deadlines go with the hold: its expiry, and a reminder {@code
     * expiringNotice} before it, unless the hold is no longer than the notice (a reminder at or
     * before the moment of placing would remind of nothing).
     */
    Booking(
            BookingId bookingId,
            ScreeningId screeningId,
            AccountId customerId,
            List<SeatPrice> seats,
            Instant placedAt,
            Instant expiresAt,
            Duration expiringNotice,
            DeadlineManager deadlines) {
        apply(new BookingPlacedEvent(bookingId, screeningId, customerId, seats, total(seats), expiresAt));
        deadlines.schedule(expiresAt, HOLD_EXPIRY, new HoldExpiry(bookingId.value()), scope(bookingId));
        Instant remindAt = expiresAt.minus(expiringNotice);
        if (remindAt.isAfter(placedAt)) {
            deadlines.schedule(remindAt, HOLD_EXPIRING, new HoldExpiringReminder(bookingId.value()), scope(bookingId));
        }
    }

    /** Answers the screening to change seats on, after checking the caller may change this booking. */
    ScreeningId requireChangeableBy(AccountId caller) {
        requireOwner(caller);
        requireAwaitingPayment();
        return screeningId;
    }

    /** The seats as they stand, with their quoted prices. */
    List<SeatPrice> seatsFor(AccountId caller) {
        requireOwner(caller);
        return seats;
    }

    /** What the caller owes for this booking, and for which screening; only while it is held. */
    Bookings.Due amountDue(AccountId caller) {
        requireOwner(caller);
        requireAwaitingPayment();
        return new Bookings.Due(screeningId, total(seats));
    }

    boolean isConfirmedBy(PaymentId payment) {
        return status == BookingStatus.CONFIRMED && payment.equals(paidWith);
    }

    /** Paid: confirms the booking. False if it no longer awaits payment (cancelled or expired). */
    boolean confirm(PaymentId payment) {
        if (status != BookingStatus.AWAITING_PAYMENT) {
            return false;
        }
        apply(new BookingConfirmedEvent(bookingId, screeningId, payment, total(seats)));
        return true;
    }

    /** What returning {@code requested} seats (all when empty) of this paid booking would give back. */
    Bookings.Returnable returnable(AccountId caller, Collection<String> requested) {
        requireOwner(caller);
        if (status != BookingStatus.CONFIRMED) {
            throw new Refusal(
                    "booking-not-confirmed", null, "Only a paid booking can be refunded; this one is " + status);
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String seat : requested == null ? List.<String>of() : requested) {
            wanted.add(SeatLabel.normalise(seat));
        }
        List<String> unknown = wanted.stream()
                .filter(seat -> seats.stream().noneMatch(held -> held.seat().equals(seat)))
                .toList();
        if (!unknown.isEmpty()) {
            throw new Refusal(
                    "seats-not-in-booking", "seats", "Not part of this booking: " + String.join(", ", unknown));
        }
        List<SeatPrice> returned = seats.stream()
                .filter(s -> wanted.isEmpty() || wanted.contains(s.seat()))
                .toList();
        List<SeatPrice> remaining =
                seats.stream().filter(s -> !returned.contains(s)).toList();
        return new Bookings.Returnable(screeningId, paidWith, returned, remaining);
    }

    void returnSeats(Bookings.Returnable returnable) {
        apply(new BookingSeatsReturnedEvent(
                bookingId,
                screeningId,
                returnable.returned().stream().map(SeatPrice::seat).toList(),
                returnable.remaining()));
        if (returnable.remaining().isEmpty()) {
            apply(new BookingRefundedEvent(bookingId, screeningId));
        }
    }

    Bookings.Settlement settlementAfterScreeningCancelled() {
        return new Bookings.Settlement(status, screeningId, customerId, paidWith, seats);
    }

    /** The cinema cancels a booking that was still held (its screening was cancelled). */
    void cancelForScreening() {
        if (status == BookingStatus.AWAITING_PAYMENT) {
            apply(new BookingCancelledEvent(bookingId, screeningId));
        }
    }

    void changeSeats(List<SeatPrice> newSeats) {
        requireAwaitingPayment();
        apply(new BookingSeatsChangedEvent(bookingId, newSeats, total(newSeats)));
    }

    /**
     * The customer lets the hold go; answers the screening whose seats are to be released. The
     * pending expiry and reminder are left to fire and find the booking no longer awaiting payment:
     * cancelling them by scope would make db-scheduler read every pending deadline on each
     * cancellation (see docs/architecture.md).
     */
    ScreeningId cancel(AccountId caller) {
        requireOwner(caller);
        requireAwaitingPayment();
        apply(new BookingCancelledEvent(bookingId, screeningId));
        return screeningId;
    }

    /** Fires at the hold's expiry instant; a booking paid or cancelled by then is left alone. */
    @DeadlineHandler(deadlineName = HOLD_EXPIRY)
    void onHoldExpired(HoldExpiry expiry) {
        if (status == BookingStatus.AWAITING_PAYMENT) {
            apply(new BookingExpiredEvent(bookingId, screeningId));
        }
    }

    /**
     * Fires {@code expiringNotice} before the hold runs out: a booking still awaiting payment says
     * so (the customer is reminded). Like the expiry, it is never cancelled: a booking paid,
     * cancelled or expired by then is left alone, and so is one whose hold has run out already
     * (a reminder that fell due while the command side was down).
     */
    @DeadlineHandler(deadlineName = HOLD_EXPIRING)
    void onHoldExpiring(HoldExpiringReminder reminder, Clock clock) {
        if (status == BookingStatus.AWAITING_PAYMENT && clock.instant().isBefore(expiresAt)) {
            apply(new BookingHoldExpiringEvent(bookingId, screeningId, customerId, expiresAt));
        }
    }

    /**
     * Someone else's booking answers exactly as a booking that does not exist: a customer learns
     * nothing of other customers' orders.
     */
    private void requireOwner(AccountId caller) {
        if (!caller.equals(customerId)) {
            throw new Refusal("booking-not-found", null, "No booking " + bookingId);
        }
    }

    private void requireAwaitingPayment() {
        if (status != BookingStatus.AWAITING_PAYMENT) {
            throw new Refusal(
                    "booking-not-held",
                    null,
                    "The booking is " + status + ": only a booking awaiting payment can change");
        }
    }

    /**
     * The deadline's scope, named explicitly: inside the constructor the applied event has not
     * been sourced yet, so the implicit scope would carry a null identifier.
     */
    private static AggregateScopeDescriptor scope(BookingId bookingId) {
        return new AggregateScopeDescriptor(Booking.class.getSimpleName(), bookingId.value());
    }

    private static Money total(List<SeatPrice> seats) {
        return SeatPrice.total(seats);
    }

    @EventSourcingHandler
    void on(BookingPlacedEvent event) {
        bookingId = event.bookingId();
        screeningId = event.screeningId();
        customerId = event.customerId();
        seats = event.seats();
        status = BookingStatus.AWAITING_PAYMENT;
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(BookingSeatsChangedEvent event) {
        seats = event.seats();
    }

    @EventSourcingHandler
    void on(BookingConfirmedEvent event) {
        status = BookingStatus.CONFIRMED;
        paidWith = event.paymentId();
    }

    @EventSourcingHandler
    void on(BookingSeatsReturnedEvent event) {
        seats = event.remaining();
    }

    @EventSourcingHandler
    void on(BookingRefundedEvent event) {
        status = BookingStatus.REFUNDED;
    }

    @EventSourcingHandler
    void on(BookingCancelledEvent event) {
        status = BookingStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(BookingExpiredEvent event) {
        status = BookingStatus.EXPIRED;
    }
}
