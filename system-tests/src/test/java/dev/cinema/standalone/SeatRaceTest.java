package dev.cinema.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.command.CommandSideApplication;
import dev.cinema.command.config.ConflictRetryScheduler;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.JsonHttp.Response;
import dev.cinema.platform.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Never oversell: many customers race for overlapping seats of one screening, through one
 * command-side process and then through two processes on one database. Afterwards every seat has
 * at most one holder, every winner holds exactly what it asked for, and the event store, the seat
 * map and the listing all agree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SeatRaceTest {

    static final int CALLERS = 32;
    static final int SEATS = 20;

    StandaloneApplication.Running system;
    ConfigurableApplicationContext secondCommandSide;
    JsonHttp commands;
    JsonHttp secondCommands;
    JsonHttp queries;
    final String admin = TestTokens.valid(UUID.randomUUID().toString(), "ADMIN");

    abstract Map<String, Object> database();

    /**
     * Whether the database lets command-side processes take turns on a screening (PostgreSQL's
     * advisory locks), so that no command loses a write race and has to be decided again.
     */
    abstract boolean writersTakeTurns();

    @BeforeAll
    void start() {
        Map<String, Object> properties = new HashMap<>(database());
        properties.putAll(TestTokens.keyProperties());
        properties.put("server.port", "0");
        system = StandaloneApplication.start(properties, false);
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        secondCommandSide = CommandSideApplication.builder().run(args.toArray(String[]::new));
        commands = JsonHttp.localhost(system.commandPort());
        secondCommands = JsonHttp.localhost(
                Integer.parseInt(secondCommandSide.getEnvironment().getProperty("local.server.port")));
        queries = JsonHttp.localhost(system.queryPort());
    }

    @AfterAll
    void stop() {
        if (secondCommandSide != null) {
            secondCommandSide.close();
        }
        if (system != null) {
            system.stop();
        }
    }

    @Test
    void thirtyTwoCallersOnOneCommandSideNeverShareASeat() throws Exception {
        race(List.of(commands));
    }

    @Test
    void thirtyTwoCallersOnTwoCommandSidesSharingOneDatabaseNeverShareASeat() throws Exception {
        race(List.of(commands, secondCommands));
    }

    private void race(List<JsonHttp> doors) throws Exception {
        String screening = screening();
        Random random = new Random(42);
        List<List<String>> wishes = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            // Two to four seats around a random spot: neighbouring callers overlap a lot.
            int first = random.nextInt(SEATS - 3) + 1;
            int count = 2 + random.nextInt(3);
            List<String> seats = new ArrayList<>();
            for (int s = first; s < first + count; s++) {
                seats.add("A" + s);
            }
            wishes.add(seats);
        }
        long retriedBefore = conflictRetries();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        Map<String, List<String>> winners = new ConcurrentHashMap<>();
        List<String> refusalsNamingNoSeatAskedFor = Collections.synchronizedList(new ArrayList<>());
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            List<String> seats = wishes.get(i);
            JsonHttp door = doors.get(i % doors.size());
            String customer = TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER");
            statuses.add(pool.submit(() -> {
                go.await();
                Response response =
                        door.post("/api/bookings", Map.of("screeningId", screening, "seats", seats), customer);
                if (response.status() == 201) {
                    winners.put(response.text("bookingId"), seats);
                } else if (response.status() == 409) {
                    // A refusal the customer can act on names the seats that are not free: a
                    // technical conflict between two writers is retried inside the system instead.
                    Set<String> named = new TreeSet<>();
                    response.body().path("unavailableSeats").forEach(seat -> named.add(seat.asText()));
                    if (!"seats-unavailable".equals(response.text("code"))
                            || named.stream().noneMatch(seats::contains)) {
                        refusalsNamingNoSeatAskedFor.add(seats + ": " + response.raw());
                    }
                }
                return response.status();
            }));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            codes.add(status.get());
        }
        pool.shutdown();

        assertThat(codes).as("every caller is answered 201 or 409").allMatch(code -> code == 201 || code == 409);
        if (writersTakeTurns()) {
            assertThat(conflictRetries() - retriedBefore)
                    .as("commands decided on a stale screening and tried again")
                    .isZero();
        }
        assertThat(refusalsNamingNoSeatAskedFor)
                .as("409s that name none of the seats asked for")
                .isEmpty();
        assertThat(winners).isNotEmpty();
        Set<String> taken = new HashSet<>();
        winners.values()
                .forEach(seats -> seats.forEach(seat -> assertThat(taken.add(seat))
                        .as("seat %s held twice", seat)
                        .isTrue()));

        // The event store: one SeatsHeldEvent per winner, with exactly its seats; nobody else.
        JdbcTemplate jdbc = system.command().getBean(JdbcTemplate.class);
        Map<String, Set<String>> stored = new HashMap<>();
        for (String payload : jdbc.query(
                "select payload from domain_event_entry where aggregate_identifier = ? "
                        + "and payload_type like '%SeatsHeldEvent' order by sequence_number",
                (row, i) -> new String(row.getBytes(1), StandardCharsets.UTF_8), screening)) {
            JsonNode event = JsonHttp.MAPPER.readTree(payload);
            Set<String> seats = new TreeSet<>();
            event.get("seats").forEach(seat -> seats.add(seat.get("seat").asText()));
            assertThat(stored.put(event.get("bookingId").get("value").asText(), seats))
                    .isNull();
        }
        Map<String, Set<String>> expected = new HashMap<>();
        winners.forEach((booking, seats) -> expected.put(booking, new TreeSet<>(seats)));
        assertThat(stored).isEqualTo(expected);

        // The seat map and the listing agree with the event store once they have caught up.
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    Response map = queries.get("/api/screenings/" + screening + "/seat-map", null);
                    assertThat(map.status()).isEqualTo(200);
                    Set<String> held = new TreeSet<>();
                    map.body()
                            .get("rows")
                            .forEach(row -> row.get("cells").forEach(cell -> {
                                if ("HELD".equals(cell.path("state").asText())) {
                                    held.add(cell.get("label").asText());
                                }
                            }));
                    assertThat(held).isEqualTo(new TreeSet<>(taken));
                    assertThat(map.text("freeSeats")).isEqualTo(String.valueOf(SEATS - taken.size()));
                    assertThat(queries.get("/api/screenings/" + screening, null).text("freeSeats"))
                            .isEqualTo(String.valueOf(SEATS - taken.size()));
                });
        System.out.printf(
                "seat race on %d door(s): %d callers, %d winners, %d seats taken, refusals %s, "
                        + "write races lost and decided again so far: %d and %d%n",
                doors.size(),
                CALLERS,
                winners.size(),
                taken.size(),
                Collections.frequency(codes, 409),
                system.command().getBean(ConflictRetryScheduler.class).retries(),
                secondCommandSide.getBean(ConflictRetryScheduler.class).retries());
    }

    /** One row of {@value #SEATS} seats; the stranded-seat rule off, so that the race is about overlaps only. */
    private String screening() {
        String location = created(commands.post("/api/admin/locations", Map.of("name", "Race"), admin));
        String cinema = created(commands.post(
                "/api/admin/cinemas",
                Map.of(
                        "locationId",
                        location,
                        "name",
                        "Race Hall",
                        "timeZone",
                        "UTC",
                        "address",
                        Map.of("street", "1 Track", "city", "Goodwood", "postalCode", "PO18 0PS", "country", "GB")),
                admin));
        assertThat(commands.put(
                                "/api/admin/cinemas/" + cinema + "/seating-policy",
                                Map.of("preventStrandedSeats", false),
                                admin)
                        .status())
                .isEqualTo(204);
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int s = 1; s <= SEATS; s++) {
            cells.add(Map.of("kind", "SEAT", "number", String.valueOf(s), "type", "STANDARD"));
        }
        String screen = created(commands.post(
                "/api/admin/screens",
                Map.of(
                        "cinemaId",
                        cinema,
                        "name",
                        "Main",
                        "format",
                        "TWO_D",
                        "layout",
                        Map.of("rows", List.of(Map.of("label", "A", "cells", cells)))),
                admin));
        String film = created(commands.post(
                "/api/admin/films",
                Map.of(
                        "title",
                        "The Race",
                        "runtimeMinutes",
                        90,
                        "ageRating",
                        "PG",
                        "genres",
                        List.of("ACTION"),
                        "releaseDate",
                        "2026-03-03"),
                admin));
        return created(commands.post(
                "/api/admin/screenings",
                Map.of(
                        "filmId",
                        film,
                        "screenId",
                        screen,
                        "startsAt",
                        Instant.now()
                                .plus(2, ChronoUnit.DAYS)
                                .plus((long) (Math.random() * 500), ChronoUnit.DAYS)
                                .truncatedTo(ChronoUnit.HOURS)
                                .toString(),
                        "prices",
                        Map.of("STANDARD", Map.of("amountMinor", 1000, "currency", "EUR"))),
                admin));
    }

    private long conflictRetries() {
        return system.command().getBean(ConflictRetryScheduler.class).retries()
                + secondCommandSide.getBean(ConflictRetryScheduler.class).retries();
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.text("id");
    }
}
