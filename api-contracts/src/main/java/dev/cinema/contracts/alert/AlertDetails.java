package dev.cinema.contracts.alert;

import dev.cinema.contracts.common.Money;
import java.time.Instant;
import java.util.List;

/**
 * The facts an alert's text is written from, as they were when it was raised (the text itself is
 * written when it is read, in the cinema's time zone). Each is null, or empty, where the alert's
 * type does not use it.
 *
 * @param amount    what was paid, declined or refunded
 * @param seats     the seats concerned
 * @param expiresAt when the hold runs out (HOLD_EXPIRING)
 * @param startsAt  the screening's new start (SCREENING_RESCHEDULED)
 * @param retryAt   when a failed refund is tried again (REFUND_FAILED)
 * @param reason    the provider's or the cinema's reason (PAYMENT_DECLINED, REFUND_FAILED)
 */
public record AlertDetails(
        Money amount, List<String> seats, Instant expiresAt, Instant startsAt, Instant retryAt, String reason) {

    public AlertDetails {
        seats = seats == null ? List.of() : List.copyOf(seats);
    }

    public static AlertDetails none() {
        return new AlertDetails(null, List.of(), null, null, null, null);
    }

    public static AlertDetails of(Money amount, List<String> seats) {
        return new AlertDetails(amount, seats, null, null, null, null);
    }

    public AlertDetails withExpiresAt(Instant expiresAt) {
        return new AlertDetails(amount, seats, expiresAt, startsAt, retryAt, reason);
    }

    public AlertDetails withStartsAt(Instant startsAt) {
        return new AlertDetails(amount, seats, expiresAt, startsAt, retryAt, reason);
    }

    public AlertDetails withRetryAt(Instant retryAt) {
        return new AlertDetails(amount, seats, expiresAt, startsAt, retryAt, reason);
    }

    public AlertDetails withReason(String reason) {
        return new AlertDetails(amount, seats, expiresAt, startsAt, retryAt, reason);
    }
}
