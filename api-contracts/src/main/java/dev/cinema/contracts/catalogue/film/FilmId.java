package dev.cinema.contracts.catalogue.film;

import java.util.Objects;
import java.util.UUID;

/** Identifies a film. */
public record FilmId(String value) {

    public FilmId {
        Objects.requireNonNull(value, "FilmId value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("FilmId must not be blank");
        }
    }

    public static FilmId random() {
        return new FilmId(UUID.randomUUID().toString());
    }

    public static FilmId of(String value) {
        return new FilmId(value);
    }

    /** Axon routes commands and names event streams by {@code toString()}: it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
