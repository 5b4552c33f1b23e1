package dev.cinema.command.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.cinema.platform.refusal.Refusal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

class ConflictRetrySchedulerTest {

    private final ScheduledExecutorService executor = mock(ScheduledExecutorService.class);
    private final ConflictRetryScheduler scheduler =
            new ConflictRetryScheduler(executor, 4, Duration.ofMillis(10), Duration.ofMillis(50));
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage("hold A1");
    private final Runnable dispatch = () -> {};

    @Test
    void aLostWriteRaceIsDecidedAgainAfterAShortJitteredWait() {
        assertThat(scheduler.scheduleRetry(command, new ConcurrencyException("seq 7 taken"), failures(1), dispatch))
                .isTrue();
        verify(executor).schedule(eq(dispatch), anyLong(), eq(TimeUnit.MILLISECONDS));
        assertThat(scheduler.retries()).isEqualTo(1);
    }

    @Test
    void theSameRaceSeenByTheDatabaseOrWrappedIsRecognised() {
        assertThat(ConflictRetryScheduler.isConflict(new IllegalStateException(new ConcurrencyException("x"))))
                .isTrue();
        assertThat(ConflictRetryScheduler.isConflict(new CannotAcquireLockException("deadlock")))
                .isTrue();
        assertThat(ConflictRetryScheduler.isConflict(
                        new RuntimeException(new SQLException("could not serialize", "40001"))))
                .isTrue();
    }

    @Test
    void aRefusalIsAnAnswerNotSomethingToRetry() {
        Refusal taken = new Refusal("seats-unavailable", "seats", "A1 is taken");
        assertThat(scheduler.scheduleRetry(command, taken, failures(1), dispatch))
                .isFalse();
        assertThat(scheduler.scheduleRetry(command, new IllegalStateException("bug"), failures(1), dispatch))
                .isFalse();
        verify(executor, never()).schedule(any(Runnable.class), anyLong(), any());
    }

    @Test
    void aLostConnectionIsNoConflictAndNoCrashEither() {
        // An SQLException without a state: one came by when PostgreSQL restarted under load (issue
        // 12's scale-out scenario) and made a payment answer 500 from a NullPointerException here.
        SQLException closed = new SQLException("This connection has been closed.");
        assertThat(ConflictRetryScheduler.isConflict(new RuntimeException(closed)))
                .isFalse();
        assertThat(scheduler.scheduleRetry(command, new RuntimeException(closed), failures(1), dispatch))
                .isFalse();
    }

    @Test
    void retriesStopAtTheBound() {
        assertThat(scheduler.scheduleRetry(command, new ConcurrencyException("again"), failures(4), dispatch))
                .isFalse();
        verify(executor, never()).schedule(any(Runnable.class), anyLong(), any());
    }

    @Test
    void waitsGrowAndStayWithinTheirStepAndTheCeiling() {
        for (int i = 0; i < 200; i++) {
            assertThat(scheduler.backoffMillis(1)).isBetween(5L, 10L);
            assertThat(scheduler.backoffMillis(2)).isBetween(10L, 20L);
            assertThat(scheduler.backoffMillis(10)).isBetween(25L, 50L);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[] {ConcurrencyException.class});
        }
        return failures;
    }
}
