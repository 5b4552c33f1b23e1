package dev.cinema.command.payment;

import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How much of the returned seats' price goes back, by the time left before the screening:
 * 100 % until {@code full-until} before it (24 h), {@code partial-percent} (50 %) until
 * {@code partial-until} before it (1 h), nothing after.
 */
@Component
class RefundRules {

    private final Duration fullUntil;
    private final Duration partialUntil;
    private final int partialPercent;

    @Autowired
    RefundRules(RefundProperties properties) {
        this(properties.fullUntil(), properties.partialUntil(), properties.partialPercent());
    }

    RefundRules(Duration fullUntil, Duration partialUntil, int partialPercent) {
        this.fullUntil = fullUntil;
        this.partialUntil = partialUntil;
        this.partialPercent = partialPercent;
    }

    int percent(Instant now, Instant startsAt) {
        Duration left = Duration.between(now, startsAt);
        if (left.compareTo(fullUntil) >= 0) {
            return 100;
        }
        if (left.compareTo(partialUntil) >= 0) {
            return partialPercent;
        }
        return 0;
    }
}
