package dev.cinema.query.analytics;

import dev.cinema.contracts.analytics.AnalyticsPeriod;
import dev.cinema.platform.refusal.Refusal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/**
 * Reads a report's {@code from} and {@code to}: both ISO-8601 dates (local days in each cinema's
 * zone) or both instants, {@code from} included and {@code to} excluded ({@code from=2026-05-01&to=
 * 2026-06-01} is May). Without either: the default period up to now; with one: the default period
 * from or up to it. At most the configured longest period.
 */
@Component
class AnalyticsPeriods {

    private static final LocalDate EARLIEST = LocalDate.of(1, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    private static final String FORM = "an ISO-8601 date such as 2026-05-01 or instant such as 2026-05-01T18:30:00Z";

    private final AnalyticsProperties properties;
    private final Clock clock;

    AnalyticsPeriods(AnalyticsProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    AnalyticsPeriod of(String fromText, String toText) {
        Object from = parse("from", fromText);
        Object to = parse("to", toText);
        try {
            return checked(period(from, to));
        } catch (DateTimeException | ArithmeticException e) {
            // An end so far off that the default period cannot be added to it.
            throw new Refusal("invalid-period", "from", "A period must lie between the years 1 and 9999");
        }
    }

    private AnalyticsPeriod period(Object from, Object to) {
        Duration standard = properties.defaultPeriod();
        if (from == null && to == null) {
            Instant now = clock.instant();
            return AnalyticsPeriod.between(now.minus(standard), now);
        }
        if (from instanceof LocalDate || to instanceof LocalDate) {
            if (from instanceof Instant || to instanceof Instant) {
                throw new Refusal("invalid-period", "to", "from and to must both be dates or both be instants");
            }
            long days = standard.toDays();
            LocalDate first = from != null ? (LocalDate) from : ((LocalDate) to).minusDays(days);
            LocalDate after = to != null ? (LocalDate) to : first.plusDays(days);
            return AnalyticsPeriod.betweenDays(first, after);
        }
        Instant first = from != null ? (Instant) from : ((Instant) to).minus(standard);
        Instant after = to != null ? (Instant) to : first.plus(standard);
        return AnalyticsPeriod.between(first, after);
    }

    private AnalyticsPeriod checked(AnalyticsPeriod period) {
        LocalDate first = period.inDays()
                ? period.fromDay()
                : period.from().atOffset(ZoneOffset.UTC).toLocalDate();
        LocalDate last = period.inDays()
                ? period.toDay()
                : period.to().atOffset(ZoneOffset.UTC).toLocalDate();
        if (first.isBefore(EARLIEST) || last.isAfter(LATEST)) {
            throw new Refusal("invalid-period", "from", "A period must lie between the years 1 and 9999");
        }
        Duration length = period.inDays()
                ? Duration.ofDays(ChronoUnit.DAYS.between(period.fromDay(), period.toDay()))
                : Duration.between(period.from(), period.to());
        if (length.isNegative() || length.isZero()) {
            throw new Refusal("invalid-period", "to", "to must be after from");
        }
        if (length.compareTo(properties.maxPeriod()) > 0) {
            throw new Refusal(
                    "period-too-long",
                    "to",
                    "A report may cover at most " + properties.maxPeriod().toDays() + " days; ask for it in parts");
        }
        return period;
    }

    private static Object parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        try {
            return value.contains("T") ? Instant.parse(value) : LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw new Refusal("invalid-period", field, field + " must be " + FORM);
        }
    }
}
