package dev.cinema.command.booking;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.BookingStatus;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentId;
import dev.cinema.platform.web.DomainException;
import java.util.Collection;
import java.util.List;
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
    public record Due(ScreeningId screeningId, Money amount) {}

    public Due amountDue(BookingId bookingId, AccountId caller) {
        Booking.Due due = load(bookingId).invoke(booking -> booking.amountDue(caller));
        return new Due(due.screeningId(), due.amount());
    }

    /** What a refund of these seats (all when empty) would return: for the caller's paid booking only. */
    public record Returnable(
            ScreeningId screeningId, PaymentId paymentId, List<SeatPrice> returned, List<SeatPrice> remaining) {}

    public Returnable returnable(BookingId bookingId, AccountId caller, Collection<String> seats) {
        Booking.Returnable r = load(bookingId).invoke(booking -> booking.returnable(caller, seats));
        return new Returnable(r.screeningId(), r.paymentId(), r.returned(), r.remaining());
    }

    /** Records that the refunded seats left the booking (and that it is refunded when none remain). */
    public void returnSeats(BookingId bookingId, Returnable returnable) {
        load(bookingId)
                .execute(booking -> booking.returnSeats(new Booking.Returnable(
                        returnable.screeningId(),
                        returnable.paymentId(),
                        returnable.returned(),
                        returnable.remaining())));
    }

    /** A booking's state as settling it after its screening was cancelled needs it. */
    public record Settlement(
            BookingStatus status,
            ScreeningId screeningId,
            AccountId customerId,
            PaymentId paymentId,
            List<SeatPrice> seats) {}

    public Settlement settlementAfterScreeningCancelled(BookingId bookingId) {
        Booking.Settlement s = load(bookingId).invoke(Booking::settlementAfterScreeningCancelled);
        return new Settlement(s.status(), s.screeningId(), s.customerId(), s.paymentId(), s.seats());
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
            throw DomainException.notFound("booking-not-found", null, "No booking " + bookingId);
        }
    }
}
