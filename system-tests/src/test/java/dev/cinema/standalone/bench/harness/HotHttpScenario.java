package dev.cinema.standalone.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.platform.testsupport.TestTokens;
import dev.cinema.platform.testsupport.process.AppProcess;
import dev.cinema.platform.testsupport.process.Catalogue;
import dev.cinema.platform.testsupport.process.JdbcDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One hot screening over HTTP with two command-side processes on one database, as two nodes
 * behind a load balancer: {@value #CONNECTIONS} callers on each, each a customer asking for 1–2
 * random seats that look free ({@link FreeSeats}) through {@code POST /api/bookings}, until no seat
 * looks free. As the screening fills most answers are 409s naming the seats taken; a 409 naming
 * none (a conflict between the processes that reached a client) or a 5xx must not occur.
 */
final class HotHttpScenario implements Scenario {

    static final String NAME = "hot-http-2proc";
    static final int CONNECTIONS = 32;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ScenarioResult run(RunContext run) throws Exception {
        JdbcDatabase database = run.databases().fresh();
        int rows = run.pick(30, 5);
        long limitSeconds = run.pick(120, 60);
        // One after the other: the second finds the schema the first one's Flyway made.
        try (AppProcess one = run.commandSide(NAME, "command-1", database, List.of());
                AppProcess two = run.commandSide(NAME, "command-2", database, List.of())) {
            Catalogue catalogue = new Catalogue(one.json(), rows, 50, 1);
            String warmup = catalogue.screening();
            int warmupHolds = run.pick(300, 30);
            List<String> warmupSeats = catalogue.seats();
            Warmup.holds(one, warmup, warmupSeats.subList(0, warmupHolds));
            Warmup.holds(two, warmup, warmupSeats.subList(warmupHolds, 2 * warmupHolds));
            String screening = catalogue.screening();
            FreeSeats free = new FreeSeats(catalogue.seats(), catalogue.seatsPerRow());
            List<URI> nodes = List.of(one.uri("/api/bookings"), two.uri("/api/bookings"));
            List<HttpClient> clients = List.of(Http.client(), Http.client());
            AtomicInteger callerNumber = new AtomicInteger();
            Tally tally = new Tally();
            long deadline = System.nanoTime() + limitSeconds * 1_000_000_000L;
            HeapSampler heap = HeapSampler.of(one, two);
            double seconds;
            try {
                seconds = Callers.run(2 * CONNECTIONS, () -> {
                    int node = callerNumber.getAndIncrement() % 2;
                    String customer = TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER");
                    while (System.nanoTime() < deadline) {
                        List<String> seats = free.pick();
                        if (seats.isEmpty()) {
                            return;
                        }
                        Http.Exchange exchange = Http.send(
                                clients.get(node),
                                Http.postJson(
                                        nodes.get(node),
                                        customer,
                                        Map.of("screeningId", screening, "seats", seats),
                                        Map.of()));
                        if (Http.tally(tally, "", exchange, 201)) {
                            free.taken(seats);
                        } else if (exchange.status() == 409) {
                            JsonNode problem = exchange.body();
                            free.taken(Http.seats(problem, "unavailableSeats"));
                        }
                    }
                });
            } finally {
                heap.close();
            }
            List<String> notes = new ArrayList<>();
            notes.add(tally.ok() + " holds placed; the " + rows * 50 + "-seat screening "
                    + (free.isEmpty() ? "full" : "NOT full"));
            if (!free.isEmpty()) {
                notes.add("stopped by the " + limitSeconds + " s limit before the screening was full");
            }
            return ScenarioResult.of(
                    NAME,
                    "2 command-side processes (exec jar, postgres profile, -Xmx512m) on one database, "
                            + CONNECTIONS + " connections each, holds of 1–2 random free-looking seats of one "
                            + rows * 50 + "-seat screening until full, POST /api/bookings",
                    tally.answers(),
                    seconds,
                    "answers/s",
                    tally.latency(),
                    tally.errors(),
                    new Target(
                            1000.0,
                            250.0,
                            List.of("409 naming no seat", "5xx"),
                            "≥ 1,000 answers/s, p99 < 250 ms, no 409 naming no seat, no 5xx"),
                    heap.describe(AppProcess.heapNote(one, two)),
                    notes);
        }
    }
}
