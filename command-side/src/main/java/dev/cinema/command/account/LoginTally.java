package dev.cinema.command.account;

import dev.cinema.command.account.LoginThrottleProperties.Limit;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One throttled key's login attempts (an account's or an address's): how many in the current window
 * are not known to be right, when the window ends, and until when the key is locked. Pure: the
 * throttle loads it, asks it, and stores what it answers.
 *
 * <p>An attempt is counted <em>before</em> its password is checked and taken back when it proves
 * right. Counting only known failures would let many parallel guesses all pass the check before
 * the first of them is recorded; this way the window's allowance is spent the moment an attempt
 * starts, however many arrive at once.
 */
record LoginTally(int attempts, Instant windowEndsAt, Instant lockedUntil) {

    static LoginTally none() {
        return new LoginTally(0, Instant.EPOCH, null);
    }

    /** How much longer the key is locked, if it is. */
    Optional<Duration> lockedFor(Instant now) {
        if (lockedUntil == null || !lockedUntil.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, lockedUntil));
    }

    /** One more attempt, in a fresh window if the last one is over; the last allowed one locks. */
    LoginTally counted(Limit limit, Instant now) {
        boolean fresh = !windowEndsAt.isAfter(now) || (lockedUntil != null && !lockedUntil.isAfter(now));
        int count = (fresh ? 0 : attempts) + 1;
        Instant windowEnd = fresh ? now.plus(limit.window()) : windowEndsAt;
        Instant locked = count >= limit.maxAttempts() ? now.plus(limit.lockFor()) : null;
        return new LoginTally(count, windowEnd, locked);
    }

    /** An attempt that proved right is taken back, and with it a lock it brought on. */
    LoginTally forgiven(Limit limit) {
        int count = Math.max(0, attempts - 1);
        return new LoginTally(count, windowEndsAt, count >= limit.maxAttempts() ? lockedUntil : null);
    }

    /** When the row can go: nothing it says still applies after this. */
    Instant forgetAfter() {
        return lockedUntil != null && lockedUntil.isAfter(windowEndsAt) ? lockedUntil : windowEndsAt;
    }
}
