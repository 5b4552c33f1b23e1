package dev.cinema.command.alert;

import dev.cinema.contracts.booking.BookingStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.Persistable;

/**
 * What the alert policy knows of a booking: whose it is, for which screening, its seats and
 * state, as of the last booking event the policy has handled (not as of now, as the booking
 * index is): a reschedule concerns the bookings confirmed when it happened. Written only by
 * {@link AlertBookingIndexUpdater}, in the policy's own transactions; never read by queries.
 * {@link Persistable}, so that saving a new entry inserts it without a select first (the updater
 * has just looked it up).
 */
@Entity
@Table(name = "alert_booking")
class AlertBookingEntry implements Persistable<String> {

    @Id
    @Column(name = "booking_id", length = 64)
    private String bookingId;

    @Column(name = "customer_id", nullable = false, length = 64)
    private String customerId;

    @Column(name = "screening_id", nullable = false, length = 64)
    private String screeningId;

    @Column(name = "seats", nullable = false, length = 400)
    private String seats;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "status", nullable = false, length = 24)
    private BookingStatus status;

    /** The sequence number of the last event of the booking folded here: an older or repeated one is skipped. */
    @Column(name = "version", nullable = false)
    private long version;

    /** Made here and not stored yet. */
    @Transient
    private boolean fresh;

    protected AlertBookingEntry() {}

    AlertBookingEntry(String bookingId, String customerId, String screeningId, List<String> seats, long version) {
        this.bookingId = bookingId;
        this.customerId = customerId;
        this.screeningId = screeningId;
        this.seats = String.join(",", seats);
        this.status = BookingStatus.AWAITING_PAYMENT;
        this.version = version;
        this.fresh = true;
    }

    @PostLoad
    @PostPersist
    void stored() {
        fresh = false;
    }

    @Override
    public String getId() {
        return bookingId;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    String bookingId() {
        return bookingId;
    }

    String customerId() {
        return customerId;
    }

    String screeningId() {
        return screeningId;
    }

    List<String> seats() {
        return seats.isEmpty() ? List.of() : Arrays.asList(seats.split(","));
    }

    boolean isAfter(long sequence) {
        return version >= sequence;
    }

    void seats(List<String> seats, long sequence) {
        this.seats = String.join(",", seats);
        this.version = sequence;
    }

    void status(BookingStatus status, long sequence) {
        this.status = status;
        this.version = sequence;
    }
}
