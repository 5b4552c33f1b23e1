package dev.cinema.query.booking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One refund of a booking's payment, keyed by the identifier of its PaymentRefundedEvent: folding
 * the event again writes the same row, where adding to a total would count it twice. What a
 * booking got back is summed from these rows when it is read. Not tied to the booking row, so it
 * does not matter which is folded first.
 */
@Entity
@Table(name = "customer_booking_refund", schema = "read_model")
class BookingRefundRow {

    @Id
    @Column(name = "event_id", length = 255)
    String eventId;

    @Column(name = "booking_id", nullable = false, length = 64)
    String bookingId;

    @Column(name = "amount_minor", nullable = false)
    long amountMinor;

    @Column(name = "currency", nullable = false, length = 8)
    String currency;

    protected BookingRefundRow() {}

    BookingRefundRow(String eventId) {
        this.eventId = eventId;
    }
}
