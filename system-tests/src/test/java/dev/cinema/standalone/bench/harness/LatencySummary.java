package dev.cinema.standalone.bench.harness;

import java.util.Arrays;

/** Latency percentiles in milliseconds (nearest rank); NaN when nothing was measured. */
record LatencySummary(long count, double p50Ms, double p99Ms, double maxMs) {

    static LatencySummary of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencySummary(
                sorted.length,
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
    }

    /** The nearest-rank percentile: the smallest value with at least {@code p} of all at or below it. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
