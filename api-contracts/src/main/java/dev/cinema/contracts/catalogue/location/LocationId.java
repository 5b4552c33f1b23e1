package dev.cinema.contracts.catalogue.location;

import java.util.Objects;
import java.util.UUID;

/** Identifies a location (a region such as a city). */
public record LocationId(String value) {

    public LocationId {
        Objects.requireNonNull(value, "LocationId value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("LocationId must not be blank");
        }
    }

    public static LocationId random() {
        return new LocationId(UUID.randomUUID().toString());
    }

    public static LocationId of(String value) {
        return new LocationId(value);
    }

    /** Axon routes commands and names event streams by {@code toString()}: it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
