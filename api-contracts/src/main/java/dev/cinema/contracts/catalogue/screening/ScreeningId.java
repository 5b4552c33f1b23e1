package dev.cinema.contracts.catalogue.screening;

import java.util.Objects;
import java.util.UUID;

/** Identifies one showtime of a film on a screen. */
public record ScreeningId(String value) {

    public ScreeningId {
        Objects.requireNonNull(value, "ScreeningId value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("ScreeningId must not be blank");
        }
    }

    public static ScreeningId random() {
        return new ScreeningId(UUID.randomUUID().toString());
    }

    public static ScreeningId of(String value) {
        return new ScreeningId(value);
    }

    /** Axon routes commands and names event streams by {@code toString()}: it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
