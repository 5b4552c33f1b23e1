package dev.cinema.standalone.bench.harness;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

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
        Databases.Jdbc database = run.databases().fresh();
        int seconds = run.pick(20, 3);
        try (AppProcess command = AppProcess.start("command", run.commandJar(), database, run.logs(NAME), List.of());
                AppProcess query = AppProcess.start("query", run.queryJar(), database, run.logs(NAME), List.of())) {
            String screening = new Catalogue(command.json(), 30, 50, 1).screening();
            HttpClient client = Http.client();
            SeatMaps.await(client, query, screening, Duration.ofMinutes(1));
            read(client, query, screening, run.pick(5, 1), new Tally()); // warm-up
            Tally tally = new Tally();
            HeapSampler heap = HeapSampler.of(query);
            double elapsed;
            try {
                elapsed = read(client, query, screening, seconds, tally);
            } finally {
                heap.close();
            }
            return ScenarioResult.of(
                    NAME,
                    "GET /api/screenings/{id}/seat-map of a 1,500-seat screening at " + PER_SECOND
                            + "/s (open loop, latency from each request's due time) for " + seconds
                            + " s; query side as its own process (exec jar, postgres profile, -Xmx512m)",
                    tally.ok(),
                    elapsed,
                    "requests/s",
                    tally.latency(),
                    tally.errors(),
                    Target.of(null, 10.0, "p99 < 10 ms"),
                    heap.describe(AppProcess.heapNote(query)),
                    List.of());
        }
    }

    private static double read(HttpClient client, AppProcess query, String screening, int seconds, Tally tally) {
        return OpenLoop.run(
                PER_SECOND,
                seconds,
                due -> client.sendAsync(Http.get(SeatMaps.uri(query, screening)), HttpResponse.BodyHandlers.ofString())
                        .handle((answer, failure) -> {
                            if (failure != null) {
                                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                                tally.count(
                                        cause instanceof HttpTimeoutException
                                                ? Http.TIMED_OUT
                                                : "I/O error: "
                                                        + cause.getClass().getSimpleName());
                            } else {
                                tally.answer(
                                        answer.statusCode() == 200 ? Tally.OK : String.valueOf(answer.statusCode()),
                                        System.nanoTime() - due);
                            }
                            return (Void) null;
                        }));
    }
}
