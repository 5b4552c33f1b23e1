package dev.cinema.contracts.alert;

import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.catalogue.film.FilmId;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.payment.PaymentId;
import dev.cinema.contracts.payment.RefundId;

/** What an alert is about; any of them may be null when the alert does not concern it. */
public record AlertRefs(
        BookingId bookingId, ScreeningId screeningId, FilmId filmId, PaymentId paymentId, RefundId refundId) {

    public static AlertRefs booking(BookingId bookingId, ScreeningId screeningId) {
        return new AlertRefs(bookingId, screeningId, null, null, null);
    }

    public AlertRefs withPayment(PaymentId paymentId) {
        return new AlertRefs(bookingId, screeningId, filmId, paymentId, refundId);
    }

    public AlertRefs withRefund(RefundId refundId) {
        return new AlertRefs(bookingId, screeningId, filmId, paymentId, refundId);
    }
}
