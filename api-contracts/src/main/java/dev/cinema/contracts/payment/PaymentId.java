package dev.cinema.contracts.payment;

import java.util.Objects;
import java.util.UUID;

/** Identifies one attempt to pay for a booking. */
public record PaymentId(String value) {

    public PaymentId {
        Objects.requireNonNull(value, "PaymentId value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("PaymentId must not be blank");
        }
    }

    public static PaymentId random() {
        return new PaymentId(UUID.randomUUID().toString());
    }

    public static PaymentId of(String value) {
        return new PaymentId(value);
    }

    /** Axon routes commands and names event streams by {@code toString()}: it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
