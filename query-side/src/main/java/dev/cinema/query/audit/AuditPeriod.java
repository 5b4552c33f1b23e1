package dev.cinema.query.audit;

import dev.cinema.platform.refusal.Refusal;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.common.DateTimeUtils;

/**
 * A period of event time, {@code from} included, {@code to} excluded. Events are selected by their
 * stored instant, which Axon writes as fixed-width ISO-8601 text (UTC, milliseconds) precisely so
 * that it sorts as text: the bounds are compared in the same form.
 */
record AuditPeriod(Instant from, Instant to) {

    static final AuditPeriod ALL = new AuditPeriod(Instant.EPOCH, Instant.parse("9999-12-31T23:59:59.999Z"));

    /** A period both ends of which were given, no longer than {@code longest}. */
    static AuditPeriod of(Instant from, Instant to, Duration longest) {
        AuditPeriod period = of(from, to);
        if (Duration.between(from, to).compareTo(longest) > 0) {
            throw new Refusal(
                    "period-too-long",
                    "to",
                    "A period may cover at most " + longest.toDays() + " days; ask for it in parts");
        }
        return period;
    }

    /** A period whose missing ends are open: from the first event, to the last. */
    static AuditPeriod of(Instant from, Instant to) {
        AuditPeriod period = new AuditPeriod(from == null ? ALL.from : from, to == null ? ALL.to : to);
        if (!period.from.isBefore(period.to)) {
            throw new Refusal("invalid-period", "to", "to must be after from");
        }
        return period;
    }

    boolean isAll() {
        return equals(ALL);
    }

    String fromText() {
        return DateTimeUtils.formatInstant(from);
    }

    String toText() {
        return DateTimeUtils.formatInstant(to);
    }

    boolean contains(Instant at) {
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }
}
