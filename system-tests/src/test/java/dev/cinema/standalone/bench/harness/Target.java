package dev.cinema.standalone.bench.harness;

import java.util.List;
import java.util.Map;

/**
 * A scenario's target from issue 11: a least throughput and a greatest p99 (null: none), and error
 * kinds that must not occur at all (e.g. a 409 that names no seat, a 5xx), matched by prefix.
 */
record Target(Double minThroughput, Double maxP99Ms, List<String> forbidden, String text) {

    static final Target NONE = new Target(null, null, List.of(), "baseline");

    static Target of(Double minThroughput, Double maxP99Ms, String text) {
        return new Target(minThroughput, maxP99Ms, List.of(), text);
    }

    boolean met(double throughput, LatencySummary latency, Map<String, Long> errors) {
        return (minThroughput == null || throughput >= minThroughput)
                && (maxP99Ms == null || latency.p99Ms() < maxP99Ms)
                && errors.keySet().stream().noneMatch(kind -> forbidden.stream().anyMatch(kind::startsWith));
    }
}
