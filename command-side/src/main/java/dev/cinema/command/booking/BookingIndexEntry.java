package dev.cinema.command.booking;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.Persistable;

/**
 * Command-side index of bookings per screening and customer: which bookings a cancelled screening
 * has to settle, and which bookings make a customer a viewer of a film (who may review it).
 * Written in the bookings' own transactions; never read by queries.
 */
@Entity
@Table(name = "booking_index")
class BookingIndexEntry implements Persistable<String> {

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

    /**
     * True until stored or loaded: tells Spring Data to insert it without first selecting it (its
     * id is assigned, so it could not tell otherwise; the updater has checked it is not there).
     */
    @Transient
    private boolean fresh;

    protected BookingIndexEntry() {}

    BookingIndexEntry(String bookingId, String screeningId, String customerId) {
        this.bookingId = bookingId;
        this.screeningId = screeningId;
        this.customerId = customerId;
        this.status = BookingStatus.AWAITING_PAYMENT;
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

    void status(BookingStatus status) {
        this.status = status;
    }
}
