package dev.cinema.standalone.bench.harness;

import dev.cinema.platform.testsupport.process.AppProcess;
import dev.cinema.platform.testsupport.process.Catalogue;
import dev.cinema.platform.testsupport.process.JdbcDatabase;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The public seat map read at a fixed {@value #PER_SECOND} requests a second (an open loop, see
 * {@link OpenLoop}) from the query side running as its own process beside a command side, for a
 * 1,500-seat screening; after an unmeasured warm-up at the same rate.
 */
final class SeatMapScenario implements Scenario {

    static final String NAME = "seatmap-get";
    static final int PER_SECOND = 500;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ScenarioResult run(RunContext run) throws Exception {
        JdbcDatabase database = run.databases().fresh();
        int seconds = run.pick(20, 3);
        try (AppProcess command = run.commandSide(NAME, "command", database, List.of());
                AppProcess query = run.querySide(NAME, database)) {
            String screening = new Catalogue(command.json(), 30, 50, 1).screening();
            HttpClient client = Http.client();
            SeatMaps.await(client, query, screening, Duration.ofMinutes(1));
            read(client, query, screening, run.pick(5, 1), new Tally()); // warm-up
            Tally tally = new Tally();
            HeapSampler heap = HeapSampler.of(query);
            OpenLoop.Outcome outcome;
            try {
                outcome = read(client, query, screening, seconds, tally);
            } finally {
                heap.close();
            }
            return ScenarioResult.of(
                    NAME,
                    "GET /api/screenings/{id}/seat-map of a 1,500-seat screening at " + PER_SECOND
                            + "/s (open loop over " + OpenLoop.CONNECTIONS
                            + " connections, latency from each request's due time) for " + seconds
                            + " s; query side as its own process (exec jar, postgres profile, -Xmx512m)",
                    tally.ok(),
                    outcome.seconds(),
                    "requests/s",
                    tally.latency(),
                    withUnsent(tally.errors(), outcome.unsent()),
                    Target.of(null, 10.0, "p99 < 10 ms"),
                    heap.describe(AppProcess.heapNote(query)),
                    List.of());
        }
    }

    private static OpenLoop.Outcome read(
            HttpClient client, AppProcess query, String screening, int seconds, Tally tally)
            throws InterruptedException {
        return OpenLoop.run(
                PER_SECOND,
                seconds,
                due -> client.sendAsync(Http.get(SeatMaps.uri(query, screening)), HttpResponse.BodyHandlers.ofString())
                        .handle((answer, failure) -> {
                            if (failure != null) {
                                tally.count(Http.failureKind(failure));
                            } else {
                                tally.answer(
                                        answer.statusCode() == 200 ? Tally.OK : String.valueOf(answer.statusCode()),
                                        System.nanoTime() - due);
                            }
                            return (Void) null;
                        }));
    }

    /** The errors, and the requests the loop never sent, if any. */
    static Map<String, Long> withUnsent(Map<String, Long> errors, int unsent) {
        if (unsent == 0) {
            return errors;
        }
        Map<String, Long> all = new TreeMap<>(errors);
        all.put("not sent (no free connection 10 s after the last was due)", (long) unsent);
        return all;
    }
}
