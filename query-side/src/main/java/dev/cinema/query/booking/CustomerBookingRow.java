package dev.cinema.query.booking;

import dev.cinema.contracts.booking.BookingStatus;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.common.Money;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A customer's booking: its seats, the seats it gave back, total and state. Film, cinema and start
 * are joined in when read, and so are its refunds ({@link BookingRefundRow}).
 */
@Entity
@Table(name = "customer_booking", schema = "read_model")
class CustomerBookingRow {

    @Id
    @Column(name = "booking_id", length = 64)
    String id;

    @Column(name = "customer_id", nullable = false, length = 64)
    String customerId;

    @Column(name = "screening_id", nullable = false, length = 64)
    String screeningId;

    /** The seats in the order the booking lists them; replaced whole when they change. */
    @ElementCollection
    @CollectionTable(
            name = "customer_booking_seat",
            schema = "read_model",
            joinColumns = @JoinColumn(name = "booking_id"))
    @OrderColumn(name = "seat_index")
    @BatchSize(size = 100)
    List<BookedSeat> seats = new ArrayList<>();

    /** Seats returned and refunded, at the prices they were bought at, in the order they went back. */
    @ElementCollection
    @CollectionTable(
            name = "customer_booking_returned_seat",
            schema = "read_model",
            joinColumns = @JoinColumn(name = "booking_id"))
    @OrderColumn(name = "seat_index")
    @BatchSize(size = 100)
    List<BookedSeat> returnedSeats = new ArrayList<>();

    @Column(name = "total_amount_minor", nullable = false)
    long totalAmountMinor;

    @Column(name = "total_currency", nullable = false, length = 8)
    String totalCurrency;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "status", nullable = false, length = 20)
    BookingStatus status;

    @Column(name = "expires_at")
    Instant expiresAt;

    @Column(name = "placed_at", nullable = false)
    Instant placedAt;

    /**
     * The sequence number of the last event of this booking folded into the row: events of one
     * booking come from its own stream, numbered in order, so one at or below it was folded
     * already, and skipping it makes any second delivery change nothing.
     */
    @Column(name = "version", nullable = false)
    long version;

    protected CustomerBookingRow() {}

    CustomerBookingRow(String id) {
        this.id = id;
    }

    /** The booking this row shows, as {@link BookingState} folds it. */
    BookingState state() {
        return new BookingState(
                id,
                customerId,
                screeningId,
                seats.stream().map(BookedSeat::view).toList(),
                returnedSeats.stream().map(BookedSeat::view).toList(),
                Money.of(totalAmountMinor, totalCurrency),
                status,
                expiresAt,
                placedAt);
    }

    /** Shows {@code booking}; seat lists that did not change are left as they are. */
    void show(BookingState booking) {
        customerId = booking.customerId();
        screeningId = booking.screeningId();
        replace(seats, booking.seats());
        replace(returnedSeats, booking.returnedSeats());
        totalAmountMinor = booking.total().amountMinor();
        totalCurrency = booking.total().currency();
        status = booking.status();
        expiresAt = booking.expiresAt();
        placedAt = booking.placedAt();
    }

    private static void replace(List<BookedSeat> shown, List<SeatPrice> seats) {
        if (!shown.stream().map(BookedSeat::view).toList().equals(seats)) {
            shown.clear();
            seats.forEach(seat -> shown.add(BookedSeat.of(seat)));
        }
    }
}
