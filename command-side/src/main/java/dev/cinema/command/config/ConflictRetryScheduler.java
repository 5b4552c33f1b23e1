package dev.cinema.command.config;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * Retries a command that lost a race between two writers of one aggregate: another command-side
 * process appended the same (aggregate, sequence) first, or this process decided on a stale cached
 * copy. That is a technical conflict, not the customer's: the unit of work has rolled back (and
 * evicted the cached aggregate), so the command is simply dispatched again and decided afresh, on
 * current state. It then succeeds, or is refused for a reason the customer can act on (the seats
 * that are taken). Bounded, with jittered exponential back-off so that two losers do not collide
 * again in step; what is still conflicting after the last attempt is answered "busy, retry".
 *
 * <p>Only conflicts are retried: a refusal is an answer, and retrying it would repeat it.
 */
public final class ConflictRetryScheduler implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetryScheduler.class);

    /** PostgreSQL's serialization failure and deadlock: the same race, seen by the database. */
    private static final List<String> CONFLICT_SQL_STATES = List.of("40001", "40P01");

    private final ScheduledExecutorService executor;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final AtomicLong retries = new AtomicLong();

    ConflictRetryScheduler(
            ScheduledExecutorService executor, int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
        this.executor = executor;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public boolean scheduleRetry(
            CommandMessage commandMessage,
            RuntimeException lastFailure,
            List<Class<? extends Throwable>[]> failures,
            Runnable commandDispatch) {
        int attempts = failures.size();
        if (!isConflict(lastFailure) || attempts >= maxAttempts) {
            if (attempts > 1 && isConflict(lastFailure)) {
                log.warn("{} still conflicting after {} attempts", commandMessage.getCommandName(), attempts);
            }
            return false;
        }
        long delay = backoffMillis(attempts);
        log.debug(
                "{} lost a write race (attempt {}); retrying in {} ms",
                commandMessage.getCommandName(),
                attempts,
                delay);
        retries.incrementAndGet();
        executor.schedule(commandDispatch, delay, TimeUnit.MILLISECONDS);
        return true;
    }

    /** How many times a command was dispatched again after losing a write race, since the start. */
    public long retries() {
        return retries.get();
    }

    /** Half the exponential step plus a random share of the other half ("equal jitter"). */
    long backoffMillis(int attempt) {
        long ceiling = Math.min(maxBackoff.toMillis(), firstBackoff.toMillis() << Math.min(attempt - 1, 20));
        long floor = Math.max(1, ceiling / 2);
        return floor + ThreadLocalRandom.current().nextLong(Math.max(1, ceiling - floor + 1));
    }

    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof ConcurrencyFailureException) {
                return true;
            }
            // A failure without a state (the connection lost, say) is no conflict; List.of refuses null.
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && CONFLICT_SQL_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
