package dev.cinema.contracts.payment;

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

    /** Axon routes commands and names event streams by {@code toString()}: it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
