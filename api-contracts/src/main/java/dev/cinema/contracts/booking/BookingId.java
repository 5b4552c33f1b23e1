package dev.cinema.contracts.booking;

import java.util.Objects;
import java.util.UUID;

/** Identifies a booking: a customer's order of seats for one screening. */
public record BookingId(String value) {

    public BookingId {
        Objects.requireNonNull(value, "BookingId value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("BookingId must not be blank");
        }
    }

    public static BookingId random() {
        return new BookingId(UUID.randomUUID().toString());
    }

    public static BookingId of(String value) {
        return new BookingId(value);
    }

    /** Axon routes commands and names event streams by {@code toString()}: it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
