package dev.cinema.standalone.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The harness's pure logic: percentiles, targets and the Markdown table (milliseconds, no apps). */
class ReportsTest {

    @Test
    void percentilesAreNearestRank() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L; // 1..100 ms, unsorted
        }
        LatencySummary summary = LatencySummary.of(nanos);
        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50Ms()).isEqualTo(50.0);
        assertThat(summary.p99Ms()).isEqualTo(99.0);
        assertThat(summary.maxMs()).isEqualTo(100.0);
        assertThat(LatencySummary.of(new long[] {7_000_000L}).p99Ms()).isEqualTo(7.0);
        assertThat(LatencySummary.of(new long[0]).p50Ms()).isNaN();
    }

    @Test
    void aForbiddenErrorMissesTheTargetWhateverTheFigures() {
        Target target = new Target(1000.0, 250.0, List.of("409 naming no seat", "5xx"), "t");
        LatencySummary fast = LatencySummary.of(new long[] {1_000_000L});
        assertThat(target.met(2000, fast, Map.of("409 seat taken", 5L))).isTrue();
        assertThat(target.met(2000, fast, Map.of("409 naming no seat (conflict)", 1L)))
                .isFalse();
        assertThat(target.met(2000, fast, Map.of("5xx 503", 1L))).isFalse();
        assertThat(target.met(999, fast, Map.of())).isFalse();
    }

    @Test
    void theTableShowsEachScenarioWithRatiosAndIsSafeForPipes() {
        ScenarioResult raw = ScenarioResult.of(
                "raw-jdbc",
                "32 clients",
                1000,
                1.0,
                "TPS",
                LatencySummary.of(new long[] {1_000_000L}),
                Map.of(),
                Target.NONE,
                "",
                List.of());
        ScenarioResult hot = ScenarioResult.of(
                        "hot-inprocess",
                        "a | b",
                        500,
                        1.0,
                        "holds/s",
                        LatencySummary.of(new long[] {2_000_000L}),
                        Map.of("refused hold-queue-full", 3L),
                        Target.of(2500.0, 50.0, "≥ 2,500 holds/s"),
                        "peak heap used: 100 MB",
                        List.of("a note"))
                .withRatios(Map.of("raw-jdbc", 0.5));
        String markdown = Reports.markdown(new HarnessRun(
                Instant.parse("2026-12-01T18:00:00Z"),
                false,
                "jdbc:postgresql://localhost:5432/bench",
                new ServerSettings("PostgreSQL 15", Map.of("fsync", "on")),
                true,
                2,
                "17",
                List.of(raw, hot)));
        assertThat(markdown)
                .contains("- settings: fsync=on")
                .contains("| raw-jdbc | 32 clients | 1000 | 1,000 TPS | 1.0 | 1.0 | 1.0 | none | - | baseline |")
                .contains("| hot-inprocess | a \\| b | 500 | 500 holds/s |")
                .contains("refused hold-queue-full: 3 | 0.50× raw-jdbc | ≥ 2,500 holds/s **not met** |")
                .contains("- hot-inprocess: a note");
    }
}
