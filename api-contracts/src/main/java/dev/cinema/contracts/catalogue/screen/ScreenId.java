package dev.cinema.contracts.catalogue.screen;

import java.util.Objects;
import java.util.UUID;

/** Identifies a screen (auditorium) of a cinema. */
public record ScreenId(String value) {

    public ScreenId {
        Objects.requireNonNull(value, "ScreenId value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("ScreenId must not be blank");
        }
    }

    public static ScreenId random() {
        return new ScreenId(UUID.randomUUID().toString());
    }

    public static ScreenId of(String value) {
        return new ScreenId(value);
    }

    /** Axon routes commands and names event streams by {@code toString()}: it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
