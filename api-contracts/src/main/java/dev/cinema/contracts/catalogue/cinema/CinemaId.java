package dev.cinema.contracts.catalogue.cinema;

import java.util.Objects;
import java.util.UUID;

/** Identifies a cinema. */
public record CinemaId(String value) {

    public CinemaId {
        Objects.requireNonNull(value, "CinemaId value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("CinemaId must not be blank");
        }
    }

    public static CinemaId random() {
        return new CinemaId(UUID.randomUUID().toString());
    }

    public static CinemaId of(String value) {
        return new CinemaId(value);
    }

    /** Axon routes commands and names event streams by {@code toString()}: it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
