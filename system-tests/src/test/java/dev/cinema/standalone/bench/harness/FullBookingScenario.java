package dev.cinema.standalone.bench.harness;

import dev.cinema.platform.testsupport.TestTokens;
import dev.cinema.platform.testsupport.process.AppProcess;
import dev.cinema.platform.testsupport.process.Catalogue;
import dev.cinema.platform.testsupport.process.JdbcDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Whole bookings over HTTP: {@value #CLIENTS} clients, each a customer who holds one seat ({@code
 * POST /api/bookings}) and pays for it at once ({@code POST /api/bookings/{id}/payments} with an
 * {@code Idempotency-Key} and {@code tok_success}), a booking counted when the payment answers 201
 * with the booking confirmed. The simulated provider answers at once and never declines, so what
 * is measured is this system. Both apps run as their own processes; the seats are spread over as
 * many 1,500-seat screenings as the count needs.
 */
final class FullBookingScenario implements Scenario {

    static final String NAME = "full-booking-http";
    static final int CLIENTS = 32;
    private static final int SEATS_PER_SCREENING = 1500;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ScenarioResult run(RunContext run) throws Exception {
        JdbcDatabase database = run.databases().fresh();
        int bookings = run.pick(3000, 100);
        long limitSeconds = run.pick(120, 30);
        List<String> providerAtZeroLatency =
                List.of("cinema.payments.simulated.latency=PT0S", "cinema.payments.simulated.decline-rate=0");
        try (AppProcess command = run.commandSide(NAME, "command", database, providerAtZeroLatency);
                AppProcess query = run.querySide(NAME, database)) {
            Catalogue catalogue = new Catalogue(command.json(), 30, 50, 1);
            // The warm-up's bookings are the first places; at most 100, so one screening more covers them.
            List<String> screenings =
                    catalogue.screenings((bookings + SEATS_PER_SCREENING - 1) / SEATS_PER_SCREENING + 1);
            List<String[]> places = new ArrayList<>();
            for (String screening : screenings) {
                for (String seat : catalogue.seats()) {
                    places.add(new String[] {screening, seat});
                }
            }
            Collections.shuffle(places, new Random(7));
            HttpClient client = Http.client();
            int warmup = run.pick(100, 20);
            Queue<String[]> work = new ConcurrentLinkedQueue<>(places.subList(0, warmup));
            Callers.run(8, () -> book(client, command, work, Long.MAX_VALUE, new Tally()));
            work.addAll(places.subList(warmup, warmup + bookings));
            Tally tally = new Tally();
            HeapSampler heap = HeapSampler.of(command, query);
            double seconds;
            try {
                long deadline = System.nanoTime() + limitSeconds * 1_000_000_000L;
                seconds = Callers.run(CLIENTS, () -> book(client, command, work, deadline, tally));
            } finally {
                heap.close();
            }
            return ScenarioResult.of(
                    NAME,
                    CLIENTS + " clients, " + bookings + " one-seat bookings, hold → pay (tok_success) → confirmed;"
                            + " simulated provider latency PT0S, decline-rate 0; command and query side as processes"
                            + " (exec jars, postgres, -Xmx512m); latency of the whole booking",
                    tally.ok(),
                    seconds,
                    "bookings/s",
                    tally.latency(),
                    tally.errors(),
                    Target.of(400.0, null, "≥ 400 bookings/s, p99 reported"),
                    heap.describe(AppProcess.heapNote(command, query)),
                    work.isEmpty()
                            ? List.of()
                            : List.of("stopped by the " + limitSeconds + " s limit after " + tally.ok() + " of "
                                    + bookings + " bookings"));
        }
    }

    /** Books the places of {@code work} as one customer until none is left or the deadline passed. */
    private static void book(HttpClient client, AppProcess command, Queue<String[]> work, long deadline, Tally tally) {
        String customer = TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER");
        String[] place;
        while (System.nanoTime() < deadline && (place = work.poll()) != null) {
            book(client, command, customer, place[0], place[1], tally);
        }
    }

    /** One booking: its latency from the hold's request to the payment's answer. */
    private static void book(
            HttpClient client, AppProcess command, String customer, String screening, String seat, Tally tally) {
        long t0 = System.nanoTime();
        Http.Exchange hold = Http.send(
                client,
                Http.postJson(
                        command.uri("/api/bookings"),
                        customer,
                        Map.of("screeningId", screening, "seats", List.of(seat)),
                        Map.of()));
        if (hold.status() != 201) {
            settle(tally, "hold ", hold, t0);
            return;
        }
        URI payments =
                command.uri("/api/bookings/" + hold.body().path("bookingId").asText() + "/payments");
        Http.Exchange payment = Http.send(
                client,
                Http.postJson(
                        payments,
                        customer,
                        Map.of("paymentMethod", "tok_success"),
                        Map.of("Idempotency-Key", "bench-" + UUID.randomUUID())));
        if (payment.status() != 201) {
            settle(tally, "pay ", payment, t0);
        } else if (!payment.body().path("bookingConfirmed").asBoolean()) {
            tally.answer("pay 201, booking not confirmed", System.nanoTime() - t0);
        } else {
            tally.answer(Tally.OK, System.nanoTime() - t0);
        }
    }

    private static void settle(Tally tally, String step, Http.Exchange exchange, long t0) {
        if (exchange.response() == null) {
            tally.count(step + exchange.failure());
        } else {
            tally.answer(step + Http.kind(exchange), System.nanoTime() - t0);
        }
    }
}
