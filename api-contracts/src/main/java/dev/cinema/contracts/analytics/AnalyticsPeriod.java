package dev.cinema.contracts.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The period a report covers, {@code from} included and {@code to} excluded: either two instants,
 * compared with the instant of each fact (a sale, a screening's start, a refund), or two days,
 * compared with the fact's local day in its cinema's zone. Exactly one of the two pairs is set.
 */
public record AnalyticsPeriod(Instant from, Instant to, LocalDate fromDay, LocalDate toDay) {

    public AnalyticsPeriod {
        boolean instants = from != null && to != null && fromDay == null && toDay == null;
        boolean days = from == null && to == null && fromDay != null && toDay != null;
        if (!instants && !days) {
            throw new IllegalArgumentException("A period is two instants or two days");
        }
    }

    public static AnalyticsPeriod between(Instant from, Instant to) {
        return new AnalyticsPeriod(Objects.requireNonNull(from), Objects.requireNonNull(to), null, null);
    }

    public static AnalyticsPeriod betweenDays(LocalDate from, LocalDate to) {
        return new AnalyticsPeriod(null, null, Objects.requireNonNull(from), Objects.requireNonNull(to));
    }

    /** Whether the period is counted in local days rather than instants. */
    public boolean inDays() {
        return fromDay != null;
    }

    /** The first day or instant, as ISO-8601 text. */
    public String fromText() {
        return inDays() ? fromDay.toString() : from.toString();
    }

    /** The day or instant after the period, as ISO-8601 text. */
    public String toText() {
        return inDays() ? toDay.toString() : to.toString();
    }
}
