package dev.cinema.query.analytics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Which screening a booking is for (it never changes): how a refund finds its film and cinema. */
@Entity
@Table(name = "analytics_refunds_booking", schema = "read_model")
class RefundBookingRow {

    @Id
    @Column(name = "booking_id", length = 64)
    String bookingId;

    @Column(name = "screening_id", nullable = false, length = 64)
    String screeningId;

    protected RefundBookingRow() {}

    RefundBookingRow(String bookingId) {
        this.bookingId = bookingId;
    }
}
