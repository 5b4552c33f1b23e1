package dev.cinema.standalone.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * An open loop over a fixed number of connections, as {@code wrk2} runs one: requests are due at
 * a fixed rate whether or not earlier ones were answered, and each is sent as soon as it is due and
 * one of the {@value #CONNECTIONS} connections is free. Each request is given the time it was due,
 * so a latency measured from it includes any wait for a connection (no coordinated omission: a
 * stalled server shows as latency, not as fewer requests). The bound keeps a server that falls
 * behind from drowning in thousands of connections whose callers have long given up.
 */
final class OpenLoop {

    static final int CONNECTIONS = 32;

    /** How long after the last request was due the loop still waits for a connection. */
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private OpenLoop() {}

    /** What a loop did: the seconds from the first due time to the last answer, and requests never sent. */
    record Outcome(double seconds, int unsent) {}

    /**
     * Calls {@code send} with each request's due time ({@link System#nanoTime()}), {@code perSecond}
     * times a second for {@code seconds}, then waits for every future. Requests still without a
     * connection 10 s after the last one was due are not sent.
     */
    static Outcome run(int perSecond, double seconds, LongFunction<CompletableFuture<?>> send)
            throws InterruptedException {
        long period = 1_000_000_000L / perSecond;
        int count = (int) Math.round(perSecond * seconds);
        Semaphore connections = new Semaphore(CONNECTIONS);
        List<CompletableFuture<?>> sent = new ArrayList<>(count);
        long start = System.nanoTime();
        long giveUp = start + count * period + GRACE_NANOS;
        int unsent = 0;
        for (int i = 0; i < count; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!connections.tryAcquire(Math.max(0, giveUp - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                unsent = count - i;
                break;
            }
            sent.add(send.apply(due).whenComplete((answer, failure) -> connections.release()));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .exceptionally(failure -> null)
                .join();
        return new Outcome((System.nanoTime() - start) / 1e9, unsent);
    }
}
