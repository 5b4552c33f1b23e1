package dev.cinema.contracts.payment;

import dev.cinema.contracts.booking.BookingId;
import java.util.Objects;
import java.util.UUID;

/** Identifies a refund of (part of) a booking. */
public record RefundId(String value) {

    public RefundId {
        Objects.requireNonNull(value, "RefundId value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("RefundId must not be blank");
        }
    }

    public static RefundId random() {
        return new RefundId(UUID.randomUUID().toString());
    }

    public static RefundId of(String value) {
        return new RefundId(value);
    }

    /**
     * The one refund of a booking whose screening the cinema cancelled: derived from the booking,
     * so that settling it again finds it done.
     */
    public static RefundId forCancelledScreening(BookingId bookingId) {
        return new RefundId("screening-cancelled-" + bookingId.value());
    }

    /** Axon routes commands and names event streams by {@code toString()}: it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
