package dev.cinema.standalone.bench.harness;

import java.time.Instant;
import java.util.List;

/**
 * A whole run as written to {@code bench-results.json}: where and on what it ran, then each
 * scenario's figures.
 *
 * @param server          the JDBC URL given, or the embedded server
 * @param freshDatabases  whether each scenario had a database of its own
 */
record HarnessRun(
        Instant startedAt,
        boolean smoke,
        String server,
        ServerSettings settings,
        boolean freshDatabases,
        int cores,
        String java,
        List<ScenarioResult> scenarios) {}
