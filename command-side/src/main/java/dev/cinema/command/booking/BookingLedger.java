package dev.cinema.command.booking;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentId;
import dev.cinema.platform.web.DomainException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Bookings as payments use them, from inside their own command handlers (and unit of work). The
 * booking aggregate stays private to this package.
 */
@Component
public class BookingLedger {

    private final Repository<Booking> bookings;

    BookingLedger(Repository<Booking> bookings) {
        this.bookings = bookings;
    }

    /** What is owed for a held booking of the caller's: 404 if it is not theirs, 409 if not held. */
    public record Due(ScreeningId screeningId, Money amount) {
    }

    public Due amountDue(BookingId bookingId, AccountId caller) {
        Booking.Due due = load(bookingId).invoke(booking -> booking.amountDue(caller));
        return new Due(due.screeningId(), due.amount());
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
            throw DomainException.notFound("booking-not-found", null, "No booking " + bookingId);
        }
    }
}
