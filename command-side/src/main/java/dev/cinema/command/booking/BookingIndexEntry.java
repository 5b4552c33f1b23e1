package dev.cinema.command.booking;

import dev.cinema.contracts.booking.BookingStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Command-side index of bookings per screening and customer: which bookings a cancelled screening
 * has to settle, and which bookings make a customer a viewer of a film (who may review it).
 * Written in the bookings' own transactions; never read by queries.
 */
@Entity
@Table(name = "booking_index")
class BookingIndexEntry {

    @Id
    @Column(name = "booking_id", length = 64)
    private String bookingId;

    @Column(name = "screening_id", nullable = false, length = 64)
    private String screeningId;

    /** Null only for bookings indexed before V110. */
    @Column(name = "customer_id", length = 64)
    private String customerId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "status", nullable = false, length = 24)
    private BookingStatus status;

    protected BookingIndexEntry() {}

    BookingIndexEntry(String bookingId, String screeningId, String customerId) {
        this.bookingId = bookingId;
        this.screeningId = screeningId;
        this.customerId = customerId;
        this.status = BookingStatus.AWAITING_PAYMENT;
    }

    String bookingId() {
        return bookingId;
    }

    void status(BookingStatus status) {
        this.status = status;
    }
}
