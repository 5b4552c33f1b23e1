package dev.cinema.command.catalogue.screen;

import java.util.Locale;

/**
 * How people write seats ("f12 ", "F12") and how the system stores them ("F12"): the one place
 * the two meet, for row labels and seat numbers in layouts and for seats named in requests.
 */
public final class SeatLabel {

    private SeatLabel() {}

    /** Trimmed and upper case; a missing label is the empty one, which matches no seat. */
    public static String normalise(String label) {
        return label == null ? "" : label.trim().toUpperCase(Locale.ROOT);
    }
}
