package dev.cinema.standalone.bench.harness;

import java.util.concurrent.ConcurrentLinkedQueue;

/** Latencies in nanoseconds, from any number of threads; summarised once the scenario is over. */
final class Latencies {

    private final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();

    void add(long latencyNanos) {
        nanos.add(latencyNanos);
    }

    int size() {
        return nanos.size();
    }

    LatencySummary summary() {
        return LatencySummary.of(nanos.stream().mapToLong(Long::longValue).toArray());
    }
}
