package dev.cinema.standalone.bench.harness;

import dev.cinema.platform.testsupport.TestTokens;
import dev.cinema.platform.testsupport.process.AppProcess;
import dev.cinema.platform.testsupport.process.Catalogue;
import dev.cinema.platform.testsupport.process.JdbcDatabase;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * How soon a hold shows on the query side's seat map, across processes: one-seat holds at a fixed
 * {@value #PER_SECOND} a second (open loop) through a command-side process, while the harness
 * follows the query side's live seat map (Server-Sent Events, the whole map after every change).
 * A hold's visibility is the time from its 201 answer to the first map that shows its seat taken
 * (0 when the map showed it before the answer arrived): how long a customer who was told "held"
 * could still see the seat free.
 */
final class VisibilityScenario implements Scenario {

    static final String NAME = "visibility";
    static final int PER_SECOND = 200;
    private static final Duration SETTLE = Duration.ofSeconds(10);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ScenarioResult run(RunContext run) throws Exception {
        JdbcDatabase database = run.databases().fresh();
        int seconds = run.pick(5, 1);
        try (AppProcess command = run.commandSide(NAME, "command", database, List.of());
                AppProcess query = run.querySide(NAME, database)) {
            Catalogue catalogue = new Catalogue(command.json(), 30, 50, 1);
            Warmup.holds(command, catalogue.screening(), catalogue.seats().subList(0, run.pick(500, 50)));
            String screening = catalogue.screening();
            HttpClient client = Http.client();
            SeatMaps.await(client, query, screening, Duration.ofMinutes(1));

            Map<String, Long> seen = new ConcurrentHashMap<>();
            CountDownLatch firstMap = new CountDownLatch(1);
            AtomicInteger maps = new AtomicInteger();
            HttpResponse<Stream<String>> stream = client.send(
                    HttpRequest.newBuilder(query.uri("/api/screenings/" + screening + "/seat-map/stream"))
                            .header("Accept", "text/event-stream")
                            .build(),
                    HttpResponse.BodyHandlers.ofLines());
            Thread follower = new Thread(() -> follow(stream.body(), seen, firstMap, maps), "seat-map-follower");
            follower.setDaemon(true);
            follower.start();
            try {
                if (!firstMap.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("No seat map arrived on the stream within 30 s");
                }
                List<String> seats = catalogue.seats();
                Collections.shuffle(seats, new Random(7));
                List<String> order = new ArrayList<>(seats.subList(0, PER_SECOND * seconds));
                String customer = TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER");
                Map<String, Long> answered = new ConcurrentHashMap<>();
                // Failed holds are counted as they come; visibilities once all are in.
                Tally tally = new Tally();
                HeapSampler heap = HeapSampler.of(command, query);
                OpenLoop.Outcome outcome;
                try {
                    int[] next = {0}; // OpenLoop calls from its one thread
                    outcome = OpenLoop.run(PER_SECOND, seconds, due -> {
                        String seat = order.get(next[0]++);
                        return client.sendAsync(
                                        Http.postJson(
                                                command.uri("/api/bookings"),
                                                customer,
                                                Map.of("screeningId", screening, "seats", List.of(seat)),
                                                Map.of()),
                                        HttpResponse.BodyHandlers.ofString())
                                .handle((answer, failure) -> {
                                    long now = System.nanoTime();
                                    if (failure != null) {
                                        tally.count("hold " + Http.failureKind(failure));
                                    } else if (answer.statusCode() == 201) {
                                        answered.put(seat, now);
                                    } else {
                                        tally.count("hold " + answer.statusCode());
                                    }
                                    return (Void) null;
                                });
                    });
                    awaitSeen(answered, seen);
                } finally {
                    heap.close();
                }
                answered.forEach((seat, at) -> {
                    Long shown = seen.get(seat);
                    if (shown == null) {
                        tally.count("not on the seat map within " + SETTLE.toSeconds() + " s");
                    } else {
                        tally.answer(Tally.OK, Math.max(0, shown - at));
                    }
                });
                return ScenarioResult.of(
                        NAME,
                        "one-seat holds at " + PER_SECOND + "/s for " + seconds + " s (open loop over "
                                + OpenLoop.CONNECTIONS
                                + " connections) through a command-side process;"
                                + " latency: from the 201 to the first seat map on the query side's SSE stream"
                                + " showing the seat; both apps as processes (exec jars, postgres, -Xmx512m)",
                        tally.ok(),
                        outcome.seconds(),
                        "holds/s seen",
                        tally.latency(),
                        SeatMapScenario.withUnsent(tally.errors(), outcome.unsent()),
                        Target.of(null, 100.0, "p99 < 100 ms"),
                        heap.describe(AppProcess.heapNote(command, query)),
                        // How many maps the query side sent: tells a stream that lags from one
                        // that sends one map for many holds.
                        List.of(maps.get() + " seat maps arrived on the stream"));
            } finally {
                stream.body().close();
                follower.interrupt();
            }
        }
    }

    /** Records when each seat was first shown taken, from every map the stream sends. */
    private static void follow(
            Stream<String> lines, Map<String, Long> seen, CountDownLatch firstMap, AtomicInteger maps) {
        try {
            lines.forEach(line -> {
                if (!line.startsWith("data:")) {
                    return;
                }
                long arrived = System.nanoTime();
                try {
                    SeatMaps.forEachSeat(line.substring("data:".length()), (seat, state) -> {
                        if (!state.equals("FREE")) {
                            seen.putIfAbsent(seat, arrived);
                        }
                    });
                } catch (IOException e) {
                    throw new IllegalStateException("A seat map on the stream was not JSON", e);
                }
                maps.incrementAndGet();
                firstMap.countDown();
            });
        } catch (RuntimeException closed) {
            // The stream was closed at the end of the scenario.
        }
    }

    private static void awaitSeen(Map<String, Long> answered, Map<String, Long> seen) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline && !seen.keySet().containsAll(answered.keySet())) {
            Thread.sleep(50);
        }
    }
}
