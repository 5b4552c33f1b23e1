package dev.cinema.standalone.bench;

import dev.cinema.command.CommandSideApplication;
import dev.cinema.command.booking.HoldDesk;
import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.PlaceBookingCommand;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.PostgresDatabase;
import dev.cinema.platform.testsupport.TestTokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Seat holds per second and their latency on one hot screening, with 1, 8 and 32 concurrent
 * callers ({@code bench.callers}), sent one command per hold ({@code gateway}) and through the hold
 * desk ({@code desk}, what the API uses), the screening cached (add {@code -Dbench.uncached=true}
 * for runs without the cache). A benchmark, not a test: it prints its figures and asserts nothing.
 * It runs on the embedded PostgreSQL, or on the server named by {@code bench.jdbcUrl} (with {@code
 * bench.user}, {@code bench.password}), which should be a fresh database: holds from an earlier run
 * expire ten minutes later and would compete with the holds measured. Run it with
 *
 * <pre>
 * mvn -B -ntp -q -pl system-tests -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test -Dspotless.check.skip=true
 * java -cp system-tests/target/test-classes:$(cat /tmp/cp.txt) \
 *     dev.cinema.standalone.bench.HoldBenchmark
 * </pre>
 *
 * Holds go in process (no HTTP), one seat each ({@code bench.holds} per run), each by a new
 * booking, on a screening of 30 rows of 50 seats; every run uses a fresh screening. {@code
 * -Dbench.extra=key=value,...} adds settings to try.
 */
public final class HoldBenchmark {

    private static final int HOLDS_PER_RUN = Integer.getInteger("bench.holds", 1200);
    private static final int[] CALLERS = Arrays.stream(
                    System.getProperty("bench.callers", "1,8,32").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();

    private HoldBenchmark() {}

    /** How holds are sent: {@code gateway} one command (and transaction) per hold; {@code desk} the hold desk. */
    private static final List<String> MODES =
            List.of(System.getProperty("bench.modes", "gateway,desk").split(","));

    private static final boolean UNCACHED = Boolean.getBoolean("bench.uncached");

    public static void main(String[] args) throws Exception {
        List<String> report = new ArrayList<>();
        String server = "PostgreSQL 14 (embedded)";
        for (boolean cached : UNCACHED ? new boolean[] {false, true} : new boolean[] {true}) {
            Map<String, Object> properties = new HashMap<>(PostgresDatabase.properties());
            String url = System.getProperty("bench.jdbcUrl");
            if (url != null) {
                properties.put("spring.datasource.url", url);
                properties.put("spring.datasource.username", System.getProperty("bench.user", "postgres"));
                properties.put("spring.datasource.password", System.getProperty("bench.password", ""));
                server = url;
            }
            properties.putAll(TestTokens.keyProperties());
            properties.put("cinema.audit.chain.key", TestTokens.AUDIT_CHAIN_KEY);
            properties.put("spring.profiles.active", "postgres");
            properties.put("server.port", "0");
            properties.put("cinema.screenings.cache", String.valueOf(cached));
            properties.put("logging.level.root", "WARN");
            // -Dbench.extra=key=value,key=value: other settings to try.
            for (String setting : System.getProperty("bench.extra", "").split(",")) {
                if (!setting.isBlank()) {
                    String[] pair = setting.split("=", 2);
                    properties.put(pair[0].trim(), pair[1].trim());
                }
            }
            List<String> arguments = new ArrayList<>();
            properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
            ConfigurableApplicationContext context =
                    CommandSideApplication.builder().run(arguments.toArray(String[]::new));
            try {
                CommandGateway gateway = context.getBean(CommandGateway.class);
                HoldDesk desk = context.getBean(HoldDesk.class);
                JsonHttp http = JsonHttp.localhost(
                        Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
                for (String mode : MODES) {
                    Function<PlaceBookingCommand, Object> send =
                            mode.equals("desk") ? desk::hold : gateway::sendAndWait;
                    run(send, http, 8, 200); // warm-up, not reported
                    for (int callers : CALLERS) {
                        report.add(String.format(
                                "%-8s %-7s %3d callers: %s",
                                cached ? "cached" : "uncached",
                                mode,
                                callers,
                                run(send, http, callers, HOLDS_PER_RUN)));
                    }
                }
            } finally {
                context.close();
            }
        }
        System.out.println();
        System.out.println("Seat holds on one screening, " + server + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, " + HOLDS_PER_RUN + " holds per run");
        report.forEach(System.out::println);
    }

    private static String run(Function<PlaceBookingCommand, Object> send, JsonHttp http, int callers, int holds)
            throws Exception {
        String screening = screening(http);
        List<String> seats = allSeats();
        Collections.shuffle(seats, new java.util.Random(7));
        ConcurrentLinkedQueue<String> free = new ConcurrentLinkedQueue<>(seats.subList(0, holds));
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch done = new CountDownLatch(callers);
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        for (int c = 0; c < callers; c++) {
            pool.submit(() -> {
                try {
                    String seat;
                    while ((seat = free.poll()) != null) {
                        long t0 = System.nanoTime();
                        try {
                            send.apply(new PlaceBookingCommand(
                                    BookingId.random(),
                                    ScreeningId.of(screening),
                                    AccountId.of(UUID.randomUUID().toString()),
                                    List.of(seat)));
                            latencies.add(System.nanoTime() - t0);
                        } catch (RuntimeException e) {
                            failures.incrementAndGet(); // concurrent append on the hot aggregate: retried by callers in
                            // real life
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuPerHold = (processCpuNanos() - cpuBefore) / 1e6 / Math.max(1, holds);
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return String.format(
                "%7.0f holds/s   p50 %6.1f ms   p99 %6.1f ms   CPU %5.2f ms/hold   (%d ok, %d refused)",
                sorted.size() / seconds,
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                cpuPerHold,
                sorted.size(),
                failures.get());
    }

    /**
     * CPU time of this process (every thread: callers, the desk, the command side's processors and
     * its deadline poller) per hold: unlike holds per second, barely moved by other work on a
     * shared machine, so it compares changes measured at different moments.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static List<String> allSeats() {
        List<String> seats = new ArrayList<>();
        for (int r = 0; r < 30; r++) {
            for (int s = 1; s <= 50; s++) {
                seats.add(label(r) + s);
            }
        }
        return seats;
    }

    private static String label(int row) {
        return row < 26 ? String.valueOf((char) ('A' + row)) : "A" + (char) ('A' + row - 26);
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    private static String screening(JsonHttp http) {
        String admin = TestTokens.valid(UUID.randomUUID().toString(), "ADMIN");
        String location = http.post("/api/admin/locations", Map.of("name", "Bench"), admin)
                .text("id");
        String cinema = http.post(
                        "/api/admin/cinemas",
                        Map.of(
                                "locationId",
                                location,
                                "name",
                                "Bench",
                                "timeZone",
                                "UTC",
                                "address",
                                Map.of("street", "1 Bench", "city", "Bench", "postalCode", "1", "country", "GB")),
                        admin)
                .text("id");
        http.put("/api/admin/cinemas/" + cinema + "/seating-policy", Map.of("preventStrandedSeats", false), admin);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int r = 0; r < 30; r++) {
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int s = 1; s <= 50; s++) {
                cells.add(Map.of("kind", "SEAT", "number", String.valueOf(s), "type", "STANDARD"));
            }
            rows.add(Map.of("label", label(r), "cells", cells));
        }
        String screen = http.post(
                        "/api/admin/screens",
                        Map.of("cinemaId", cinema, "name", "Big", "format", "IMAX", "layout", Map.of("rows", rows)),
                        admin)
                .text("id");
        String film = http.post(
                        "/api/admin/films",
                        Map.of(
                                "title",
                                "Bench",
                                "runtimeMinutes",
                                100,
                                "ageRating",
                                "G",
                                "genres",
                                List.of("DRAMA"),
                                "releaseDate",
                                "2026-01-01"),
                        admin)
                .text("id");
        return http.post(
                        "/api/admin/screenings",
                        Map.of(
                                "filmId",
                                film,
                                "screenId",
                                screen,
                                "startsAt",
                                Instant.now()
                                        .plus(1 + (long) (Math.random() * 600), ChronoUnit.DAYS)
                                        .truncatedTo(ChronoUnit.HOURS)
                                        .toString(),
                                "prices",
                                Map.of("STANDARD", Map.of("amountMinor", 1000, "currency", "EUR"))),
                        admin)
                .text("id");
    }
}
