package dev.cinema.standalone.bench.harness;

import dev.cinema.platform.testsupport.TestTokens;
import dev.cinema.platform.testsupport.process.AppProcess;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Unmeasured work before a scenario measures: a freshly started app interprets its code and
 * fills its caches and connection pool during its first few hundred requests, and that start is
 * not what the scenario is about.
 */
final class Warmup {

    private static final int CALLERS = 8;

    private Warmup() {}

    /** A one-seat hold over HTTP of each of {@code seats} on {@code screening}, which the scenario does not use. */
    static void holds(AppProcess command, String screening, List<String> seats) throws InterruptedException {
        HttpClient client = Http.client();
        Queue<String> free = new ConcurrentLinkedQueue<>(seats);
        Callers.run(CALLERS, () -> {
            String customer = TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER");
            String seat;
            while ((seat = free.poll()) != null) {
                Http.send(
                        client,
                        Http.postJson(
                                command.uri("/api/bookings"),
                                customer,
                                Map.of("screeningId", screening, "seats", List.of(seat)),
                                Map.of()));
            }
        });
    }
}
