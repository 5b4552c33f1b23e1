package dev.cinema.command.booking;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.BookingStatus;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentId;
import dev.cinema.platform.refusal.Refusal;
import java.util.Collection;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Bookings as payments use them, from inside their own command handlers (and unit of work). The
 * booking aggregate stays private to this package; what it answers are the records declared here.
 */
@Component
public class Bookings {

    private final Repository<Booking> bookings;

    Bookings(Repository<Booking> bookings) {
        this.bookings = bookings;
    }

    /** What is owed for a held booking of the caller's: 404 if it is not theirs, 409 if not held. */
    public record Due(ScreeningId screeningId, Money amount) {}

    public Due amountDue(BookingId bookingId, AccountId caller) {
        return load(bookingId).invoke(booking -> booking.amountDue(caller));
    }

    /** What a refund of these seats (all when empty) would return: for the caller's paid booking only. */
    public record Returnable(
            ScreeningId screeningId, PaymentId paymentId, List<SeatPrice> returned, List<SeatPrice> remaining) {}

    public Returnable returnable(BookingId bookingId, AccountId caller, Collection<String> seats) {
        return load(bookingId).invoke(booking -> booking.returnable(caller, seats));
    }

    /** Records that the refunded seats left the booking (and that it is refunded when none remain). */
    public void returnSeats(BookingId bookingId, Returnable returnable) {
        load(bookingId).execute(booking -> booking.returnSeats(returnable));
    }

    /** A booking's state as settling it after its screening was cancelled needs it. */
    public record Settlement(
            BookingStatus status,
            ScreeningId screeningId,
            AccountId customerId,
            PaymentId paymentId,
            List<SeatPrice> seats) {}

    public Settlement settlementAfterScreeningCancelled(BookingId bookingId) {
        return load(bookingId).invoke(Booking::settlementAfterScreeningCancelled);
    }

    public void cancelForScreening(BookingId bookingId) {
        load(bookingId).execute(Booking::cancelForScreening);
    }

    public boolean isConfirmedBy(BookingId bookingId, PaymentId paymentId) {
        return load(bookingId).invoke(booking -> booking.isConfirmedBy(paymentId));
    }

    public boolean confirm(BookingId bookingId, PaymentId paymentId) {
        return load(bookingId).invoke(booking -> booking.confirm(paymentId));
    }

    private org.axonframework.modelling.command.Aggregate<Booking> load(BookingId bookingId) {
        try {
            return bookings.load(bookingId.value());
        } catch (AggregateNotFoundException e) {
            throw new Refusal("booking-not-found", null, "No booking " + bookingId);
        }
    }
}
