package dev.cinema.standalone.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * An open loop: requests sent at a fixed rate whether or not earlier ones were answered, as
 * independent users would send them. Each request is given the time it was due, so a latency
 * measured from it includes any wait the harness itself had before sending (no coordinated
 * omission: a stalled server is not hidden by a stalled sender).
 */
final class OpenLoop {

    private OpenLoop() {}

    /**
     * Calls {@code send} with each request's due time ({@link System#nanoTime()}), {@code perSecond}
     * times a second for {@code seconds}, then waits for every future. Answers the seconds from the
     * first due time to the last completion.
     */
    static double run(int perSecond, double seconds, LongFunction<CompletableFuture<?>> send) {
        long period = 1_000_000_000L / perSecond;
        int count = (int) Math.round(perSecond * seconds);
        List<CompletableFuture<?>> sent = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            sent.add(send.apply(due));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .exceptionally(failure -> null)
                .join();
        return (System.nanoTime() - start) / 1e9;
    }
}
