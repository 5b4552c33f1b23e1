package dev.cinema.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.TestTokens;
import dev.cinema.platform.testsupport.process.AppProcess;
import dev.cinema.platform.testsupport.process.Catalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 12's scale-out and crash scenario: two command-side and two query-side processes, started
 * from the built jars as production starts them (postgres profile, one shared PostgreSQL, no Axon
 * Server), under load through both command processes. Then one command process is killed
 * (SIGKILL) mid-load, then one query process, then PostgreSQL is restarted under load. Each step
 * checks what an operator has to be able to trust, and prints what it measured
 * (docs/operations.md keeps the figures).
 *
 * <p>The steps build on each other (one set of processes, one event store), in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutPostgresTest {

    /** Short, so that the holds of this scenario expire while it runs. */
    private static final Duration HOLD = Duration.ofSeconds(40);

    /** How late an expiry may be: db-scheduler's 1 s poll, or 4 × 5 s heartbeats after a crash. */
    private static final Duration EXPIRY_SLACK = Duration.ofSeconds(40);

    private RestartablePostgres postgres;
    private final List<AppProcess> commands = new ArrayList<>();
    private final List<AppProcess> queries = new ArrayList<>();
    private Load load;
    private EventStore store;
    private String screeningA;
    private String screeningB;
    private String screeningC;
    private List<String> seats;
    private final String analyst = TestTokens.valid(UUID.randomUUID().toString(), "ANALYST");
    private Instant commandCrashAt;

    @BeforeAll
    void startTwoOfEach() throws Exception {
        Path work = Files.createDirectories(Path.of("target/scale-out").toAbsolutePath());
        postgres = RestartablePostgres.start(Files.createTempDirectory(work, "pg"));
        store = new EventStore(postgres.jdbc());
        Path logs = Files.createDirectories(work.resolve("logs"));
        List<String> commandSettings = List.of(
                "cinema.booking.hold-duration=" + HOLD,
                "cinema.booking.hold-expiring-notice=PT10S",
                "cinema.payments.simulated.latency=PT0S",
                "cinema.payments.simulated.decline-rate=0");
        long t0 = System.nanoTime();
        // The first of each side alone: both sides create the shared tables if missing, and two
        // Flyway runs racing on an empty database would make the loser start again (compose's
        // restart: on-failure); then the second of each side, side by side.
        List<AppProcess> first = inParallel(List.of(
                () -> start("command-1", "command-side", postgres, logs, commandSettings),
                () -> start("query-1", "query-side", postgres, logs, List.of())));
        List<AppProcess> second = inParallel(List.of(
                () -> start("command-2", "command-side", postgres, logs, commandSettings),
                () -> start("query-2", "query-side", postgres, logs, List.of())));
        commands.addAll(List.of(first.get(0), second.get(0)));
        queries.addAll(List.of(first.get(1), second.get(1)));
        System.out.printf("[scale-out] four processes healthy after %.1f s%n", (System.nanoTime() - t0) / 1e9);

        Catalogue catalogue = new Catalogue(commands.get(0).json(), 10, 30, 1);
        List<String> screenings = catalogue.screenings(3);
        screeningA = screenings.get(0);
        screeningB = screenings.get(1);
        screeningC = screenings.get(2);
        seats = catalogue.seats();
        load = new Load(seats);
        for (AppProcess query : queries) {
            for (String screening : screenings) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> query.json()
                                        .get("/api/screenings/" + screening + "/seat-map", null)
                                        .status()
                                == 200);
            }
        }
    }

    @AfterAll
    void stopEverything() {
        commands.forEach(AppProcess::close);
        queries.forEach(AppProcess::close);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void loadThroughBothCommandProcessesSellsNoSeatTwiceAndBothQueryProcessesAnswerTheSame() throws Exception {
        try (SeatMapStream live1 = SeatMapStream.open(queries.get(0), screeningA);
                SeatMapStream live2 = SeatMapStream.open(queries.get(1), screeningA)) {
            // Every hold of screening C paid (the cancellation below refunds them); of A and B, half.
            Load.Figures figures = load.run(commands, List.of(screeningA, screeningB), 12, Duration.ofSeconds(12), 0.5);
            Load.Figures paidC = load.run(commands, List.of(screeningC), 4, Duration.ofSeconds(4), 1.0);
            System.out.println("[scale-out] A and B: " + figures + "; C: " + paidC);

            assertThat(figures.answers().keySet())
                    .as("no 5xx while both command processes took load")
                    .noneMatch(kind -> kind.matches("\\w+ 5\\d\\d.*"));
            assertThat(figures.count("hold 201")).isGreaterThan(10);
            assertThat(figures.answers().keySet())
                    .as("holds were refused for taken seats, so they raced")
                    .anyMatch(kind -> kind.startsWith("hold 409"));
            assertThat(load.heldPerProcess())
                    .as("both command processes acknowledged holds")
                    .hasSize(2);

            // No oversell: no seat of a screening in two acknowledged holds (none has expired yet).
            Map<String, String> holderOfSeat = new HashMap<>();
            for (Load.Held held : load.acknowledged()) {
                for (String seat : held.seats()) {
                    String earlier = holderOfSeat.put(held.screeningId() + "/" + seat, held.bookingId());
                    assertThat(earlier)
                            .as("seat %s of %s held twice", seat, held.screeningId())
                            .isNull();
                }
            }
            // Every acknowledged hold and payment is in the event store.
            assertThat(store.bookingsPlaced()).containsAll(load.bookingIds(held -> true));
            assertThat(store.bookingsConfirmed()).containsAll(load.bookingIds(Load.Held::paid));

            // Both query processes answer the same, and what they answer is what was acknowledged.
            for (String screening : List.of(screeningA, screeningB, screeningC)) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    JsonNode one = seatMap(queries.get(0), screening);
                    JsonNode two = seatMap(queries.get(1), screening);
                    assertThat(one).isEqualTo(two);
                    assertThat(SeatMapStream.taken(one)).isEqualTo(taken(screening));
                });
            }
            // Live updates reach the clients of both processes, whichever owns the seat maps' segment.
            JsonNode last = seatMap(queries.get(0), screeningA);
            String owner = store.ownerOf("query-seat-maps");
            System.out.println("[scale-out] seat-map segment owned by " + describeOwner(owner)
                    + "; query processors per owner: " + describeOwners(store.owners("query-")));
            for (SeatMapStream live : List.of(live1, live2)) {
                await().atMost(Duration.ofSeconds(15))
                        .untilAsserted(() -> assertThat(live.latest())
                                .as("the live seat map of %s", live.name())
                                .isEqualTo(last));
                assertThat(live.received())
                        .as("updates to %s's client", live.name())
                        .isGreaterThan(1);
            }
            assertThat(owner)
                    .as("one query process owns the seat maps' segment")
                    .isNotNull();
            assertThat(queries).anyMatch(query -> !owner.startsWith(query.pid() + "@"));
            // Each segment has one owner (the token table's key), and it is one of the two processes.
            assertThat(store.owners("query-").keySet())
                    .allMatch(node -> queries.stream().anyMatch(query -> node.startsWith(query.pid() + "@")));
        }
    }

    @Test
    @Order(2)
    void killingACommandProcessMidLoadLosesNothingAcknowledgedAndTheOtherFinishesItsWork() throws Exception {
        // The process that settles cancelled screenings is the one to kill, while it settles C.
        String settler = store.ownerOf("command-screening-cancellation");
        AppProcess victim = commands.stream()
                .filter(command -> settler != null && settler.startsWith(command.pid() + "@"))
                .findFirst()
                .orElse(commands.get(1));
        AppProcess survivor = commands.get(0) == victim ? commands.get(1) : commands.get(0);
        Set<String> paidOnC =
                load.bookingIds(held -> held.paid() && held.screeningId().equals(screeningC));
        assertThat(paidOnC).isNotEmpty();

        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<Load.Figures> during = background.submit(
                    () -> load.run(commands, List.of(screeningA, screeningB), 8, Duration.ofSeconds(10), 0.5));
            Thread.sleep(3_000);
            String admin = TestTokens.valid(UUID.randomUUID().toString(), "ADMIN");
            JsonHttp.Response cancelled = survivor.json()
                    .post("/api/admin/screenings/" + screeningC + "/cancel", Map.of("reason", "Scale-out test"), admin);
            assertThat(cancelled.status()).isEqualTo(204);
            commandCrashAt = Instant.now();
            victim.kill();
            Load.Figures figures = during.get();
            System.out.println(
                    "[scale-out] killed " + victim.name() + " (settling cancellations) mid-load: " + figures);
            assertThat(figures.answers().keySet())
                    .as("no 5xx answered")
                    .noneMatch(kind -> kind.matches("\\w+ 5\\d\\d.*"));
        } finally {
            background.shutdownNow();
        }

        // Nothing acknowledged is lost, by either process.
        assertThat(store.bookingsPlaced()).containsAll(load.bookingIds(held -> true));
        assertThat(store.bookingsConfirmed()).containsAll(load.bookingIds(Load.Held::paid));
        // The settlement the victim had begun is finished by the survivor: every paid booking on C refunded.
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(store.bookingsRefunded()).containsAll(paidOnC));
        System.out.printf(
                "[scale-out] %d paid bookings of the cancelled screening all refunded %.1f s after the kill; settler now %s%n",
                paidOnC.size(),
                Duration.between(commandCrashAt, Instant.now()).toMillis() / 1e3,
                describeOwner(store.ownerOf("command-screening-cancellation")));
        assertThat(store.ownerOf("command-screening-cancellation")).startsWith(survivor.pid() + "@");
        commands.remove(victim);
    }

    @Test
    @Order(4)
    void holdsStillExpireOnTimeAfterTheCrashes() throws Exception {
        // Every unpaid hold on A and B acknowledged so far, the crashed process's included.
        List<Load.Held> unpaid = load.acknowledged().stream()
                .filter(held -> !held.paid() && !held.screeningId().equals(screeningC))
                .toList();
        assertThat(unpaid).isNotEmpty();
        Instant lastDue = unpaid.stream()
                .map(Load.Held::expiresAt)
                .max(Instant::compareTo)
                .orElseThrow();
        await().atMost(Duration.between(Instant.now(), lastDue)
                        .plus(EXPIRY_SLACK)
                        .plusSeconds(5))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(store.expiries().keySet())
                        .containsAll(unpaid.stream().map(Load.Held::bookingId).toList()));
        Map<String, Instant> expiries = store.expiries();
        List<Long> lateness = unpaid.stream()
                .map(held -> Duration.between(held.expiresAt(), expiries.get(held.bookingId()))
                        .toMillis())
                .sorted()
                .toList();
        System.out.printf(
                "[scale-out] %d holds expired; lateness after the hold's due time: p50 %d ms, max %d ms%n",
                lateness.size(), lateness.get(lateness.size() / 2), lateness.get(lateness.size() - 1));
        assertThat(lateness.get(lateness.size() - 1)).isLessThan(EXPIRY_SLACK.toMillis());
        assertThat(lateness.get(0)).as("no hold expired early").isGreaterThanOrEqualTo(0L);
        load.forgetExpired(expiries.keySet());
    }

    @Test
    @Order(3)
    void killingAQueryProcessHandsItsSegmentsToTheOtherAndEveryReadModelMatchesAReplay() throws Exception {
        String owner = store.ownerOf("query-seat-maps");
        AppProcess victim = queries.stream()
                .filter(query -> owner.startsWith(query.pid() + "@"))
                .findFirst()
                .orElseThrow();
        AppProcess survivor = queries.get(0) == victim ? queries.get(1) : queries.get(0);
        String deadNode = owner;
        victim.kill();
        Instant killedAt = Instant.now();
        queries.remove(victim);
        Load.Figures after = load.run(commands, List.of(screeningA, screeningB), 4, Duration.ofSeconds(4), 0.5);
        System.out.println("[scale-out] killed " + victim.name() + " (owning the seat maps); then " + after);

        // The survivor claims every segment the dead process held once its claims time out.
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(store.owners("query-")).doesNotContainKey(deadNode));
        System.out.printf(
                "[scale-out] every query segment owned by %s %.1f s after the kill%n",
                survivor.name(), Duration.between(killedAt, Instant.now()).toMillis() / 1e3);
        for (String screening : List.of(screeningA, screeningB)) {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(SeatMapStream.taken(seatMap(survivor, screening)))
                            .isEqualTo(taken(screening)));
        }

        // Every projection rebuilt from the events (without switching) equals what the survivor serves.
        List<String> projections = new ArrayList<>();
        survivor.json()
                .get("/api/ops/projections", analyst)
                .body()
                .forEach(p -> projections.add(p.path("name").asText()));
        assertThat(projections).isNotEmpty();
        Map<String, String> rebuilds = new HashMap<>();
        for (String projection : projections) {
            JsonHttp.Response started = survivor.json()
                    .post("/api/ops/projections/" + projection + "/rebuilds", Map.of("autoSwitch", false), analyst);
            assertThat(started.status()).as(projection + ": " + started.raw()).isEqualTo(202);
            rebuilds.put(projection, started.text("id"));
        }
        long t0 = System.nanoTime();
        for (Map.Entry<String, String> rebuild : rebuilds.entrySet()) {
            String path = "/api/ops/projections/" + rebuild.getKey() + "/rebuilds/" + rebuild.getValue();
            await().atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> Set.of("READY", "SWITCHED", "FAILED")
                            .contains(survivor.json().get(path, analyst).text("phase")));
            JsonNode view = survivor.json().get(path, analyst).body();
            assertThat(view.path("phase").asText())
                    .as(rebuild.getKey() + ": " + view)
                    .isEqualTo("READY");
            assertThat(view.path("differingBuckets")).as(rebuild.getKey()).isEmpty();
            assertThat(view.path("checksums").path("rebuilt").asText())
                    .as(rebuild.getKey())
                    .isEqualTo(view.path("checksums").path("active").asText());
        }
        System.out.printf(
                "[scale-out] %d projections replayed and compared equal in %.1f s: %s%n",
                projections.size(), (System.nanoTime() - t0) / 1e9, projections);
    }

    @Test
    @Order(5)
    void aPostgresRestartUnderLoadFailsRequestsCleanlyAndBothAppsReconnectByThemselves() throws Exception {
        AppProcess command = commands.get(0);
        AppProcess query = queries.get(0);
        ExecutorService background = Executors.newSingleThreadExecutor();
        Instant restarted;
        Load.Figures figures;
        try {
            Future<Load.Figures> during = background.submit(
                    () -> load.run(commands, List.of(screeningA, screeningB), 6, Duration.ofSeconds(20), 0.5));
            Thread.sleep(3_000);
            Instant stopped = Instant.now();
            postgres.stop();
            Thread.sleep(3_000);
            postgres.restart();
            restarted = Instant.now();
            System.out.printf(
                    "[scale-out] PostgreSQL down for %.1f s%n",
                    Duration.between(stopped, restarted).toMillis() / 1e3);
            figures = during.get();
        } finally {
            background.shutdownNow();
        }
        System.out.println("[scale-out] load across the restart: " + figures);
        assertThat(figures.answers().keySet())
                .as("every answer a success, a refused seat, or a 503 or 429 (with Retry-After)")
                .allMatch(kind -> kind.endsWith(" 201")
                        || kind.startsWith("hold 409")
                        || kind.contains(" 503 ")
                        || kind.contains(" 429 "));
        assertThat(figures.answers().keySet()).anyMatch(kind -> kind.contains("503 (database-unavailable)"));
        assertThat(figures.retryAfterMissing()).as("503s without Retry-After").isZero();
        Instant firstAfter = load.acknowledged().stream()
                .map(Load.Held::at)
                .filter(at -> at.isAfter(restarted))
                .min(Instant::compareTo)
                .orElse(null);
        assertThat(firstAfter).as("a hold acknowledged after the restart").isNotNull();
        System.out.printf(
                "[scale-out] first hold acknowledged %.1f s after PostgreSQL was back%n",
                Duration.between(restarted, firstAfter).toMillis() / 1e3);

        // Nothing half-written: every aggregate's events are numbered without a gap, every placed
        // booking has its seats held on its screening, and every acknowledged hold is stored.
        assertThat(store.aggregatesWithGaps()).isEmpty();
        assertThat(store.bookingsWithoutHeldSeats()).isEmpty();
        assertThat(store.bookingsPlaced()).containsAll(load.bookingIds(held -> true));
        // The query side reconnected too: its seat maps catch up with the holds made after the restart.
        Instant t0 = Instant.now();
        for (String screening : List.of(screeningA, screeningB)) {
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(SeatMapStream.taken(seatMap(query, screening)))
                            .containsAll(load.seatsHeldSince(screening, restarted)));
        }
        System.out.printf(
                "[scale-out] query side caught up %.1f s after the load ended%n",
                Duration.between(t0, Instant.now()).toMillis() / 1e3);
        assertThat(command.alive()).isTrue();
        assertThat(query.alive()).isTrue();
    }

    /** The seats of {@code screening} that acknowledged holds have and the store has not expired. */
    private Set<String> taken(String screening) throws java.sql.SQLException {
        load.forgetExpired(store.expiries().keySet());
        return load.seatsOf(screening);
    }

    private static JsonNode seatMap(AppProcess query, String screening) {
        JsonHttp.Response answer = query.json().get("/api/screenings/" + screening + "/seat-map", null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    private String describeOwner(String node) {
        if (node == null) {
            return "nobody";
        }
        return java.util.stream.Stream.concat(commands.stream(), queries.stream())
                .filter(app -> node.startsWith(app.pid() + "@"))
                .map(AppProcess::name)
                .findFirst()
                .orElse(node);
    }

    private String describeOwners(Map<String, Integer> owners) {
        return owners.entrySet().stream()
                .map(entry -> describeOwner(entry.getKey()) + " " + entry.getValue())
                .collect(Collectors.joining(", "));
    }

    private static AppProcess start(
            String name, String module, RestartablePostgres postgres, Path logs, List<String> settings)
            throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path jar = root.resolve(module + "/target/" + module + "-0.1.0-SNAPSHOT-exec.jar");
        // The client compiler only: four JVMs start on two cores, and start-up is most of their work here.
        return AppProcess.start(
                name, jar, postgres.jdbc(), logs, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), settings);
    }

    private static <T> List<T> inParallel(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
