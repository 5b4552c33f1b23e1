package dev.cinema.standalone.bench.harness;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a scenario's callers saw: the latency of every answer, and each answer counted by kind
 * ({@code ok} for a success; otherwise what the answer was, e.g. {@code 409 seat taken}). Safe for
 * concurrent callers.
 */
final class Tally {

    static final String OK = "ok";

    private final Latencies latencies = new Latencies();
    private final Map<String, LongAdder> kinds = new ConcurrentHashMap<>();

    /** An answer that came back after {@code nanos}: it counts for the latency. */
    void answer(String kind, long nanos) {
        latencies.add(nanos);
        count(kind);
    }

    /** Something that is not an answer (a timeout, a broken connection): counted, no latency. */
    void count(String kind) {
        kinds.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    long ok() {
        LongAdder ok = kinds.get(OK);
        return ok == null ? 0 : ok.sum();
    }

    long answers() {
        return latencies.size();
    }

    /** Every kind but {@code ok}, sorted by name. */
    Map<String, Long> errors() {
        Map<String, Long> errors = new TreeMap<>();
        kinds.forEach((kind, count) -> {
            if (!kind.equals(OK)) {
                errors.put(kind, count.sum());
            }
        });
        return errors;
    }

    LatencySummary latency() {
        return latencies.summary();
    }
}
