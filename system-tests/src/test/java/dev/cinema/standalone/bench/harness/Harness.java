package dev.cinema.standalone.bench.harness;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Issue 11's benchmark harness: runs the scenarios one after another, each on a fresh database,
 * and writes {@code bench-results.md} and {@code bench-results.json}. Started by {@code bench/run}
 * (which builds what it needs first); see docs/performance.md for what each scenario does.
 */
public final class Harness {

    /** Every scenario, in the order they run. */
    private static final List<Scenario> SCENARIOS = List.of(
            new RawJdbcScenario(),
            InProcessHoldScenario.hot(),
            InProcessHoldScenario.axonDefault(),
            InProcessHoldScenario.spread(),
            new HotHttpScenario(),
            new SeatMapScenario(),
            new VisibilityScenario(),
            new FullBookingScenario());

    /** The baselines each scenario's throughput is set against, when they ran. */
    private static final Map<String, List<String>> BASELINES = Map.of(
            InProcessHoldScenario.HOT,
            List.of(RawJdbcScenario.NAME, InProcessHoldScenario.AXON_DEFAULT),
            InProcessHoldScenario.SPREAD,
            List.of(RawJdbcScenario.NAME, InProcessHoldScenario.AXON_DEFAULT),
            InProcessHoldScenario.AXON_DEFAULT,
            List.of(RawJdbcScenario.NAME),
            RawJdbcScenario.NAME,
            List.of());

    private Harness() {}

    public static void main(String[] args) throws Exception {
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(
                    args, SCENARIOS.stream().map(Scenario::name).toList());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Instant started = Instant.now();
        try (Databases databases = options.jdbcUrl() == null
                ? Databases.onEmbeddedServer()
                : Databases.onServer(options.jdbcUrl(), options.user(), options.password())) {
            String server = options.jdbcUrl() == null ? "embedded PostgreSQL of the tests (zonky)" : options.jdbcUrl();
            System.out.println("Server: " + server);
            System.out.println("        " + databases.settings());
            if (!databases.freshPerScenario()) {
                System.out.println("        the role may not create databases: every scenario shares " + server
                        + ", and holds of earlier scenarios expire during later ones");
            }
            RunContext run = new RunContext(
                    databases,
                    options.smoke(),
                    options.profile(),
                    options.appJvmOptions(),
                    Path.of("").toAbsolutePath(),
                    options.out());
            List<ScenarioResult> results = new ArrayList<>();
            for (Scenario scenario : SCENARIOS) {
                if (!options.scenarios().contains(scenario.name())) {
                    continue;
                }
                System.out.println("Running " + scenario.name() + " ...");
                ScenarioResult result;
                try {
                    result = scenario.run(run);
                } catch (Exception e) {
                    e.printStackTrace();
                    result = ScenarioResult.failed(scenario.name(), "", e);
                }
                // The machine is shared: how busy it was says how far to trust the figures.
                result = result.withNote(String.format(
                        Locale.ROOT,
                        "1-minute load average when it ended: %.1f on %d cores",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                        Runtime.getRuntime().availableProcessors()));
                results.add(result);
                System.out.printf(
                        "  %,.0f %s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %s%n",
                        result.throughput(),
                        result.unit(),
                        result.latency().p50Ms(),
                        result.latency().p99Ms(),
                        result.latency().maxMs(),
                        result.errors());
            }
            results.replaceAll(result -> result.withRatios(ratios(result, results)));
            HarnessRun harnessRun = new HarnessRun(
                    started,
                    options.smoke(),
                    server,
                    databases.settings(),
                    databases.freshPerScenario(),
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"),
                    results);
            Reports.write(harnessRun, options.out());
            System.out.println();
            System.out.print(Reports.markdown(harnessRun));
            System.out.println("Written: " + options.out().resolve(Reports.MARKDOWN) + ", "
                    + options.out().resolve(Reports.JSON));
        }
        // Spring and the embedded server leave non-daemon threads behind.
        System.exit(0);
    }

    /** This result's throughput divided by each of its baselines' in this run. */
    private static Map<String, Double> ratios(ScenarioResult result, List<ScenarioResult> all) {
        Map<String, Double> ratios = new LinkedHashMap<>();
        for (String baseline : BASELINES.getOrDefault(result.name(), List.of(RawJdbcScenario.NAME))) {
            Optional<ScenarioResult> measured = all.stream()
                    .filter(other -> other.name().equals(baseline) && other.throughput() > 0)
                    .findFirst();
            measured.ifPresent(other -> ratios.put(baseline, result.throughput() / other.throughput()));
        }
        return ratios;
    }
}
