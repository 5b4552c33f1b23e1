package dev.cinema.contracts.alert;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identifies one alert of an inbox: a UUID derived from what raised it (the triggering event's
 * identifier, and the booking when one event concerns several), so that the same trigger delivered
 * twice names the same alert, which the inbox then recognises.
 */
public record AlertId(String value) {

    public AlertId {
        Objects.requireNonNull(value, "AlertId value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("AlertId must not be blank");
        }
    }

    public static AlertId of(String value) {
        return new AlertId(value);
    }

    /** The alert that {@code trigger} (an event identifier) raises about {@code subject} (a booking, or "" for the event itself). */
    public static AlertId derivedFrom(String trigger, String subject) {
        String name = "alert:" + trigger + "/" + subject;
        return new AlertId(
                UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }

    /** Axon routes commands and names event streams by {@code toString()}: it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
