package dev.cinema.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.booking.SeatsHeldEvent;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.common.Money;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.JsonHttp.Response;
import dev.cinema.platform.testsupport.TestKeys;
import dev.cinema.platform.testsupport.TestTokens;
import dev.cinema.query.QuerySideApplication;
import dev.cinema.query.testing.EventFeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilding projections into their other slot through the operations API, on H2 and PostgreSQL:
 * queries answer in full throughout, a rebuild of the same events gives the same checksum, a slot
 * that differs is never switched to by itself, switch-back is exact, and a replay pushes nothing
 * to a live client.
 *
 * <p>A rebuild compares whole slots, so these tests need a database whose read models hold only
 * what its events say: a context (and database) of their own, not the one other test classes share
 * and fill by calling projections directly with events that were never stored (the property below
 * only makes the context's configuration differ from theirs).
 */
@SpringBootTest(
        classes = QuerySideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // A property of its own gives this test a context (and a database) of its own: other tests
        // feed projections directly, which leaves read-model rows no event explains, and a
        // rebuild would rightly refuse to switch to a slot that differs from them.
        properties = {QuerySideApplication.CONFIG_NAME, "cinema.projections.poll-interval=PT0.1S"})
@ContextConfiguration(initializers = TestKeys.class)
abstract class ProjectionRebuildApiIntegrationTest {

    private static final Duration REBUILD = Duration.ofSeconds(90);

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    JsonHttp http;
    EventFeed events;
    String analyst;

    @BeforeEach
    void connect() {
        http = JsonHttp.localhost(port);
        events = new EventFeed(eventStore, transactions);
        analyst = TestTokens.valid(AccountId.random().value(), "ANALYST");
    }

    @Test
    void everyRebuildableProjectionIsListedWithItsActiveSlot() {
        Response list = http.get("/api/ops/projections", analyst);
        assertThat(list.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        list.body().forEach(projection -> names.add(projection.path("name").asText()));
        assertThat(names)
                .contains(
                        "listings",
                        "seat-maps",
                        "customer-bookings",
                        "payment-history",
                        "alerts",
                        "film-reviews",
                        "favourites");
        JsonNode seatMaps = http.get("/api/ops/projections/seat-maps", analyst).body();
        assertThat(seatMaps.path("activeSlot").asText()).isIn("A", "B");
        assertThat(seatMaps.at("/processingGroups/A").asText()).isEqualTo("query-seat-maps");
        assertThat(seatMaps.at("/processingGroups/B").asText()).isEqualTo("query-seat-maps@b");
    }

    @Test
    void queriesAnswerInFullThroughoutARebuildAndTwoRebuildsOfTheSameEventsGiveTheSameChecksum() throws Exception {
        List<String> screenings = new ArrayList<>();
        EventFeed.Catalogue catalogue = events.catalogue(ZoneId.of("Europe/Paris"));
        for (int i = 0; i < 40; i++) {
            String screening = events.schedule(
                    catalogue, Instant.now().plus(2, ChronoUnit.DAYS).plus(i * 3L, ChronoUnit.HOURS));
            hold(screening, "A1", "B2");
            screenings.add(screening);
        }
        String watched = screenings.get(screenings.size() - 1);
        awaitFreeSeats(watched, 3);
        Slot before = activeSlot("seat-maps");

        // A client reads the seat map over and over while the rebuild runs.
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<String> wrong = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                Response map = http.get("/api/screenings/" + watched + "/seat-map", null);
                reads.incrementAndGet();
                if (map.status() != 200 || map.body().path("freeSeats").asInt() != 3) {
                    wrong.add(map.status() + " " + map.raw());
                }
            }
        });
        reader.start();
        JsonNode first;
        try {
            first = rebuildUntilFinished("seat-maps", Map.of());
        } finally {
            reading.set(false);
            reader.join();
        }
        assertThat(wrong).as("answers that were not the full seat map").isEmpty();
        assertThat(reads.get()).isGreaterThan(0);
        assertThat(first.path("phase").asText()).isEqualTo("SWITCHED");
        assertThat(first.path("targetSlot").asText()).isEqualTo(before.other().name());
        assertThat(first.at("/checksums/rebuilt").asText())
                .isEqualTo(first.at("/checksums/active").asText());
        assertThat(first.path("differingBuckets")).isEmpty();
        assertThat(first.path("percent").asDouble()).isEqualTo(100.0);
        assertThat(first.path("cut").asLong())
                .isEqualTo(first.at("/positions/rebuilt").asLong());
        assertThat(activeSlot("seat-maps")).isEqualTo(before.other());
        assertThat(http.get("/api/screenings/" + watched + "/seat-map", null)
                        .body()
                        .path("freeSeats")
                        .asInt())
                .isEqualTo(3);

        JsonNode second = rebuildUntilFinished("seat-maps", Map.of());
        assertThat(second.path("phase").asText()).isEqualTo("SWITCHED");
        assertThat(second.path("targetSlot").asText()).isEqualTo(before.name());
        assertThat(activeSlot("seat-maps")).isEqualTo(before);
        assertThat(second.path("cut").asLong())
                .as("no event was stored between the two rebuilds")
                .isEqualTo(first.path("cut").asLong());
        assertThat(second.at("/checksums/rebuilt").asText())
                .as("the same events rebuilt twice, into either slot")
                .isEqualTo(first.at("/checksums/rebuilt").asText());
        JsonNode listed = http.get("/api/ops/projections/seat-maps", analyst).body();
        assertThat(listed.path("lastVerifiedChecksum").asText())
                .isEqualTo(second.at("/checksums/rebuilt").asText());
    }

    @Test
    void aSlotThatDiffersFromTheLiveOneStopsAtReadyAndIsSwitchedToOnlyWhenForced() {
        String screening = events.schedule(
                events.catalogue(ZoneId.of("Europe/Paris")), Instant.now().plus(3, ChronoUnit.DAYS));
        hold(screening, "A1");
        Slot live = activeSlot("seat-maps");
        // Awaited in the table, not through the API: the query side keeps a map it has built until
        // its screening changes, and the edit below is no change of the screening.
        await().atMost(Duration.ofSeconds(15))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from " + live.schema()
                                        + ".seat_map_cell where screening_id = ? and state = 'HELD'",
                                Long.class,
                                screening)
                        == 1);
        // Someone edits the live read model behind the projection's back.
        int edited = jdbc.update(
                "update " + live.schema()
                        + ".seat_map_cell set state = 'SOLD' where screening_id = ? and seat_label = 'A2'",
                screening);
        assertThat(edited).isEqualTo(1);
        assertThat(http.get("/api/screenings/" + screening + "/seat-map", null)
                        .body()
                        .path("freeSeats")
                        .asInt())
                .isEqualTo(3);

        JsonNode rebuild = rebuildUntilFinished("seat-maps", Map.of());
        assertThat(rebuild.path("phase").asText()).isEqualTo("READY");
        assertThat(rebuild.at("/checksums/rebuilt").asText())
                .isNotEqualTo(rebuild.at("/checksums/active").asText());
        assertThat(rebuild.path("differingBuckets")).isNotEmpty();
        assertThat(rebuild.path("differingBuckets").get(0).path("table").asText())
                .isEqualTo("seat_map_cell");
        assertThat(activeSlot("seat-maps")).as("never switched silently").isEqualTo(live);

        Response refused = http.post("/api/ops/projections/seat-maps/switch", null, analyst);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("checksum-mismatch");

        Response forced = http.post("/api/ops/projections/seat-maps/switch?force=true", null, analyst);
        assertThat(forced.status()).isEqualTo(200);
        assertThat(forced.text("activeSlot")).isEqualTo(live.other().name());
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(http.get("/api/screenings/" + screening + "/seat-map", null)
                                .body()
                                .path("freeSeats")
                                .asInt())
                        .as("the rebuilt slot, made from the events alone (not the map built from the other one)")
                        .isEqualTo(4));
    }

    @Test
    void switchingBackReturnsToTheSlotSwitchedAwayFromWhichKeptFollowingTheEvents() {
        String screening = events.schedule(
                events.catalogue(ZoneId.of("Asia/Tokyo")), Instant.now().plus(4, ChronoUnit.DAYS));
        awaitFreeSeats(screening, 5);
        JsonNode rebuild = rebuildUntilFinished("payment-history", Map.of("autoSwitch", false));
        assertThat(rebuild.path("phase").asText()).as("asked not to switch").isEqualTo("READY");
        Slot before = activeSlot("payment-history");
        assertThat(before.name()).isNotEqualTo(rebuild.path("targetSlot").asText());
        Response switched = http.post("/api/ops/projections/payment-history/switch", null, analyst);
        assertThat(switched.status()).isEqualTo(200);
        assertThat(switched.text("activeSlot")).isEqualTo(before.other().name());

        // seat-maps: the slot switched away from keeps following, so switching back shows new events.
        JsonNode seatMaps = rebuildUntilFinished("seat-maps", Map.of());
        assertThat(seatMaps.path("phase").asText()).isEqualTo("SWITCHED");
        hold(screening, "B1");
        awaitFreeSeats(screening, 4);
        Response back = http.post("/api/ops/projections/seat-maps/switch-back", null, analyst);
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.text("activeSlot"))
                .isEqualTo(seatMaps.path("targetSlot").asText().equals("A") ? "B" : "A");
        awaitFreeSeats(screening, 4);
        hold(screening, "B2");
        awaitFreeSeats(screening, 3);
    }

    @Test
    void aRebuildPushesNothingToALiveClientAndTheSwitchedSlotPushesWhatComesAfter() throws Exception {
        String screening = events.schedule(
                events.catalogue(ZoneId.of("Europe/Paris")), Instant.now().plus(5, ChronoUnit.DAYS));
        for (int i = 0; i < 5; i++) {
            hold(screening, i % 2 == 0 ? "A1" : "A2");
        }
        awaitSeatMapVersion(screening, 5);
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/screenings/" + screening
                                        + "/seat-map/stream"))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                stream.body()
                        .filter(line -> line.startsWith("data:"))
                        .forEach(line ->
                                data.add(line.substring("data:".length()).trim()));
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(data.poll(15, TimeUnit.SECONDS))
                    .as("the current map first")
                    .isNotNull();
            JsonNode rebuild = rebuildUntilFinished("seat-maps", Map.of());
            assertThat(rebuild.path("phase").asText()).isEqualTo("SWITCHED");
            assertThat(data).as("the replay of six events sent nothing live").isEmpty();

            hold(screening, "B3");
            String update = data.poll(15, TimeUnit.SECONDS);
            assertThat(update)
                    .as("the newly active slot pushes the next change")
                    .isNotNull();
            assertThat(JsonHttp.MAPPER.readTree(update).path("version").asLong())
                    .isEqualTo(6);
            assertThat(data.poll(1, TimeUnit.SECONDS))
                    .as("once, not once per slot")
                    .isNull();
        } finally {
            stream.body().close();
        }
    }

    @Test
    void analystsOnlyAndClearRefusals() {
        String customer = TestTokens.valid(AccountId.random().value(), "CUSTOMER");
        assertThat(http.get("/api/ops/projections", null).status()).isEqualTo(401);
        assertThat(http.get("/api/ops/projections", customer).status()).isEqualTo(403);
        assertThat(http.post("/api/ops/projections/seat-maps/rebuilds", null, customer)
                        .status())
                .isEqualTo(403);

        Response unknown = http.post("/api/ops/projections/no-such-thing/rebuilds", null, analyst);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("projection-not-found");
        Response noRebuild = http.get("/api/ops/projections/favourites/rebuilds/nope", analyst);
        assertThat(noRebuild.status()).isEqualTo(404);
        assertThat(noRebuild.text("code")).isEqualTo("rebuild-not-found");
        Response badBody =
                http.postRaw("/api/ops/projections/favourites/rebuilds", "{\"autoSwitch\":\"maybe\"}", analyst);
        assertThat(badBody.status()).isEqualTo(400);

        Response started = http.post("/api/ops/projections/favourites/rebuilds", Map.of("autoSwitch", false), analyst);
        assertThat(started.status()).isEqualTo(202);
        Response again = http.post("/api/ops/projections/favourites/rebuilds", null, analyst);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("rebuild-in-progress");
        Response backDuring = http.post("/api/ops/projections/favourites/switch-back", null, analyst);
        assertThat(backDuring.status()).isEqualTo(409);
        awaitFinished(started.body().path("id").asText(), "favourites");
    }

    // ------------------------------------------------------------------ helpers

    JsonNode rebuildUntilFinished(String projection, Map<String, Object> body) {
        Response started = http.post("/api/ops/projections/" + projection + "/rebuilds", body, analyst);
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        assertThat(started.text("phase")).isEqualTo("REPLAYING");
        return awaitFinished(started.text("id"), projection);
    }

    JsonNode awaitFinished(String id, String projection) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(REBUILD).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Response status = http.get("/api/ops/projections/" + projection + "/rebuilds/" + id, analyst);
            assertThat(status.status()).isEqualTo(200);
            last[0] = status.body();
            assertThat(status.text("phase")).as(status.raw()).isIn("READY", "SWITCHED", "FAILED");
        });
        assertThat(last[0].path("error").isNull()).as(last[0].toString()).isTrue();
        return last[0];
    }

    Slot activeSlot(String projection) {
        return Slot.valueOf(
                http.get("/api/ops/projections/" + projection, analyst).text("activeSlot"));
    }

    void awaitFreeSeats(String screening, int free) {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(http.get("/api/screenings/" + screening + "/seat-map", null)
                                .body()
                                .path("freeSeats")
                                .asInt())
                        .isEqualTo(free));
    }

    void awaitSeatMapVersion(String screening, long version) {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(http.get("/api/screenings/" + screening + "/seat-map", null)
                                .body()
                                .path("version")
                                .asLong())
                        .isEqualTo(version));
    }

    void hold(String screening, String... seats) {
        events.publish(
                screening,
                new SeatsHeldEvent(
                        ScreeningId.of(screening),
                        BookingId.random(),
                        AccountId.random(),
                        Stream.of(seats)
                                .map(seat -> new SeatPrice(
                                        seat,
                                        seat.startsWith("A") ? SeatType.STANDARD : SeatType.PREMIUM,
                                        Money.of(seat.startsWith("A") ? 1200 : 1800, "EUR")))
                                .toList(),
                        Instant.now().plus(10, ChronoUnit.MINUTES)));
    }
}
