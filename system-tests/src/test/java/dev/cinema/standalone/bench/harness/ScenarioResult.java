package dev.cinema.standalone.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One scenario's figures, as the Markdown table and the JSON file show them.
 *
 * @param throughput    {@code count} per second of the measured interval, in {@code unit}
 * @param errors        every answer that was not a success, by kind
 * @param ratios        throughput against each baseline of the same run (filled in by the harness)
 * @param targetMet     null for a baseline, which has no target
 * @param memory        peak heap used of the processes measured, with their heap limit
 * @param notes         what a reader should know to trust (or not) the figures
 */
record ScenarioResult(
        String name,
        String configuration,
        long count,
        double seconds,
        double throughput,
        String unit,
        LatencySummary latency,
        Map<String, Long> errors,
        Map<String, Double> ratios,
        String target,
        Boolean targetMet,
        String memory,
        List<String> notes) {

    static ScenarioResult of(
            String name,
            String configuration,
            long count,
            double seconds,
            String unit,
            LatencySummary latency,
            Map<String, Long> errors,
            Target target,
            String memory,
            List<String> notes) {
        double throughput = seconds > 0 ? count / seconds : 0;
        return new ScenarioResult(
                name,
                configuration,
                count,
                seconds,
                throughput,
                unit,
                latency,
                errors,
                Map.of(),
                target.text(),
                target == Target.NONE ? null : target.met(throughput, latency, errors),
                memory,
                notes);
    }

    ScenarioResult withRatios(Map<String, Double> againstBaselines) {
        return new ScenarioResult(
                name,
                configuration,
                count,
                seconds,
                throughput,
                unit,
                latency,
                errors,
                againstBaselines,
                target,
                targetMet,
                memory,
                notes);
    }

    ScenarioResult withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new ScenarioResult(
                name,
                configuration,
                count,
                seconds,
                throughput,
                unit,
                latency,
                errors,
                ratios,
                target,
                targetMet,
                memory,
                more);
    }

    /** A scenario that could not run to its end: the reason is all there is to report. */
    static ScenarioResult failed(String name, String configuration, Throwable cause) {
        return new ScenarioResult(
                name,
                configuration,
                0,
                0,
                0,
                "",
                LatencySummary.of(new long[0]),
                Map.of("failed: " + cause.getClass().getSimpleName(), 1L),
                Map.of(),
                "",
                false,
                "",
                List.of(String.valueOf(cause.getMessage())));
    }
}
