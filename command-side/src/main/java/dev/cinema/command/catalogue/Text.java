package dev.cinema.command.catalogue;

import dev.cinema.platform.refusal.Refusal;

/** Rules for the free-text fields of the catalogue, checked by aggregates whatever the door. */
public final class Text {

    private Text() {}

    /** Trimmed, non-blank, at most {@code max} characters. */
    public static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new Refusal("blank", field, field + " must not be blank");
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            throw new Refusal("too-long", field, field + " must be at most " + max + " characters");
        }
        return trimmed;
    }

    /** Trimmed or null, at most {@code max} characters. */
    public static String optional(String value, String field, int max) {
        return value == null || value.isBlank() ? null : required(value, field, max);
    }
}
