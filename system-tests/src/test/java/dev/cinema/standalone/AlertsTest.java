package dev.cinema.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.JsonHttp.Response;
import dev.cinema.platform.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer's alerts, end to end over HTTP: what they do (hold, pay, are declined, return seats,
 * see a screening cancelled or moved) raises exactly one alert per event in their inbox, also when
 * the alert policy handles the same events again; reading is recorded and survives a rebuild of
 * the alerts read model, which re-sends nothing live; a live inbox hears a new alert within a
 * second; someone else's alert is not found. Runs on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AlertsTest {

    static final String POLICY = "command-alert-policy";
    static final String PROJECTION = "query-alerts";
    static final String CURRENCY = "EUR";

    StandaloneApplication.Running system;
    JsonHttp commands;
    JsonHttp queries;
    final String admin = TestTokens.valid(UUID.randomUUID().toString(), "ADMIN");

    String screen;
    String film;
    String screening;
    Instant startsAt;
    int seat;
    String cinema;

    abstract Map<String, Object> database();

    @BeforeAll
    void start() {
        Map<String, Object> properties = new HashMap<>(database());
        properties.putAll(TestTokens.keyProperties());
        properties.put("server.port", "0");
        // Short holds with a reminder 3 s after placing; failed refunds retried after 1 s.
        properties.put("cinema.booking.hold-duration", "PT8S");
        properties.put("cinema.booking.hold-expiring-notice", "PT5S");
        properties.put("cinema.refunds.first-retry", "PT1S");
        properties.put("cinema.payments.simulated.latency", "PT0S");
        properties.put("cinema.payments.simulated.decline-rate", "0");
        system = StandaloneApplication.start(properties, false);
        commands = JsonHttp.localhost(system.commandPort());
        queries = JsonHttp.localhost(system.queryPort());

        String location = created(commands.post("/api/admin/locations", Map.of("name", "Alerts"), admin));
        cinema = created(commands.post(
                "/api/admin/cinemas",
                Map.of(
                        "locationId",
                        location,
                        "name",
                        "Le Signal",
                        "timeZone",
                        "Europe/Paris",
                        "address",
                        Map.of("street", "2 Rue du Bip", "city", "Paris", "postalCode", "75002", "country", "FR")),
                admin));
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int s = 1; s <= 40; s++) {
            cells.add(Map.of("kind", "SEAT", "number", String.valueOf(s), "type", "STANDARD"));
        }
        screen = created(commands.post(
                "/api/admin/screens",
                Map.of(
                        "cinemaId",
                        cinema,
                        "name",
                        "1",
                        "format",
                        "TWO_D",
                        "layout",
                        Map.of("rows", List.of(Map.of("label", "A", "cells", cells)))),
                admin));
        assertThat(commands.put(
                                "/api/admin/cinemas/" + cinema + "/seating-policy",
                                Map.of("preventStrandedSeats", false),
                                admin)
                        .status())
                .isEqualTo(204);
        film = created(commands.post(
                "/api/admin/films",
                Map.of(
                        "title",
                        "Ring Ring",
                        "runtimeMinutes",
                        90,
                        "ageRating",
                        "PG",
                        "genres",
                        List.of("COMEDY"),
                        "releaseDate",
                        "2026-01-02"),
                admin));
        startsAt = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        screening = schedule(startsAt);
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.stop();
        }
    }

    // ---------------------------------------------------------------- exactly once

    @Test
    void everythingThatHappensToACustomerRaisesItsAlertOnceAlsoWhenThePolicyHandlesItAgain() {
        long before = head();
        String customer = UUID.randomUUID().toString();
        String token = TestTokens.valid(customer, "CUSTOMER");
        Map<String, Integer> expected = new TreeMap<>();

        String confirmed = hold(token, screening);
        assertThat(pay(token, confirmed, "tok_success").status()).isEqualTo(201);
        expect(expected, "BOOKING_CONFIRMED", confirmed);
        String declined = hold(token, screening);
        assertThat(pay(token, declined, "tok_decline").status()).isEqualTo(402);
        expect(expected, "PAYMENT_DECLINED", declined);
        // Left unpaid: reminded 3 s after placing, expired after 8 s.
        expect(expected, "HOLD_EXPIRING", declined);
        expect(expected, "HOLD_EXPIRED", declined);
        assertThat(commands.post("/api/bookings/" + confirmed + "/refunds", null, token)
                        .status())
                .isEqualTo(201);
        expect(expected, "REFUND_COMPLETED", confirmed);
        String delayed = hold(token, screening);
        assertThat(pay(token, delayed, "tok_refund_fails_once").status()).isEqualTo(201);
        expect(expected, "BOOKING_CONFIRMED", delayed);
        assertThat(commands.post("/api/bookings/" + delayed + "/refunds", null, token)
                        .status())
                .isEqualTo(202);
        expect(expected, "REFUND_FAILED", delayed);
        expect(expected, "REFUND_COMPLETED", delayed);
        // Its retry completes it a second later; until then it is a confirmed booking of the screening.
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> "REFUNDED"
                        .equals(queries.get("/api/me/bookings/" + delayed, token)
                                .text("status")));

        String doomed = schedule(startsAt.plus(1, ChronoUnit.DAYS));
        String paidOnDoomed = hold(token, doomed);
        assertThat(pay(token, paidOnDoomed, "tok_success").status()).isEqualTo(201);
        expect(expected, "BOOKING_CONFIRMED", paidOnDoomed);
        String heldOnDoomed = hold(token, doomed);
        assertThat(commands.post("/api/admin/screenings/" + doomed + "/cancel", Map.of("reason", "Flooded"), admin)
                        .status())
                .isEqualTo(204);
        expect(expected, "SCREENING_CANCELLED", paidOnDoomed);
        expect(expected, "SCREENING_CANCELLED", heldOnDoomed);

        String moved = hold(token, screening);
        assertThat(pay(token, moved, "tok_success").status()).isEqualTo(201);
        expect(expected, "BOOKING_CONFIRMED", moved);
        Instant newStart = startsAt.plus(1, ChronoUnit.HOURS);
        assertThat(commands.post(
                                "/api/admin/screenings/" + screening + "/reschedule",
                                Map.of("startsAt", newStart.toString()),
                                admin)
                        .status())
                .isEqualTo(204);
        expect(expected, "SCREENING_RESCHEDULED", moved);
        startsAt = newStart;

        Response inbox = awaitInbox(
                token, expected.values().stream().mapToInt(Integer::intValue).sum());
        assertThat(alertsByTypeAndBooking(inbox)).isEqualTo(expected);
        assertThat(inbox.text("unreadCount"))
                .isEqualTo(String.valueOf(inbox.body().get("items").size()));
        assertThat(text(inbox, "SCREENING_CANCELLED", paidOnDoomed))
                .contains("Ring Ring at Le Signal", "(Flooded)", "refunded")
                .contains(" EUR");
        assertThat(text(inbox, "SCREENING_CANCELLED", heldOnDoomed)).contains("nothing was charged");
        assertThat(text(inbox, "SCREENING_RESCHEDULED", moved))
                .contains(java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                        .format(newStart.atZone(java.time.ZoneId.of("Europe/Paris"))));
        assertThat(text(inbox, "REFUND_FAILED", delayed)).contains("tried again at");
        assertThat(storedAlerts(customer)).isEqualTo(inbox.body().get("items").size());

        // The policy handles every one of these events again (as after a crash before its token was
        // stored): the inbox recognises each alert's id, and raises nothing new.
        StreamingEventProcessor policy = processor(system.command(), POLICY);
        policy.shutDown();
        system.command()
                .getBean(TransactionTemplate.class)
                .executeWithoutResult(status -> system.command()
                        .getBean(TokenStore.class)
                        .storeToken(GapAwareTrackingToken.newInstance(before, List.of()), POLICY, 0));
        policy.start();
        awaitCaughtUp(policy, head());
        assertThat(storedAlerts(customer)).isEqualTo(inbox.body().get("items").size());
        assertThat(alertsByTypeAndBooking(queries.get("/api/me/alerts?size=100", token)))
                .isEqualTo(expected);
    }

    // ---------------------------------------------------------------- reading, and a rebuild

    @Test
    void readingIsRecordedAndTheInboxComesBackAsItWasWhenTheAlertsReadModelIsRebuilt() throws Exception {
        String customer = UUID.randomUUID().toString();
        String token = TestTokens.valid(customer, "CUSTOMER");
        String first = hold(token, screening);
        assertThat(pay(token, first, "tok_success").status()).isEqualTo(201);
        assertThat(commands.post("/api/bookings/" + first + "/refunds", null, token)
                        .status())
                .isEqualTo(201);
        String second = hold(token, screening);
        assertThat(pay(token, second, "tok_success").status()).isEqualTo(201);
        Response inbox = awaitInbox(token, 3);
        String read = inbox.text("items/1/alertId");

        assertThat(commands.post("/api/me/alerts/" + read + "/read", null, token)
                        .status())
                .isEqualTo(204);
        // Found by its id, not its place: on a loaded machine the hold reminder (3 s after placing)
        // may come before a payment and join the inbox, which moves the others down.
        Response afterRead = await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> queries.get("/api/me/alerts?size=100", token), page -> readFlag(page, read));
        int unread = afterRead.body().get("items").size() - 1;
        assertThat(afterRead.text("unreadCount")).isEqualTo(String.valueOf(unread));
        assertThat(afterRead.body().get("items"))
                .filteredOn(item -> !item.get("alertId").asText().equals(read))
                .allMatch(item -> !item.get("read").asBoolean());
        assertThat(queries.get("/api/me/alerts?unread=true&size=100", token)
                        .body()
                        .get("items"))
                .extracting(item -> item.get("alertId").asText())
                .doesNotContain(read)
                .hasSize(unread);

        try (LiveInbox live = LiveInbox.open(system.queryPort(), token)) {
            // Rebuilt from the first event into the other slot, and switched to: the read flags are
            // facts in the store, so they come back.
            String analyst = TestTokens.valid(UUID.randomUUID().toString(), "ANALYST");
            Response started = queries.post("/api/ops/projections/alerts/rebuilds", null, analyst);
            assertThat(started.status()).as(started.raw()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(
                                    queries.get("/api/ops/projections/alerts/rebuilds/" + started.text("id"), analyst)
                                            .text("phase"))
                            .isEqualTo("SWITCHED"));
            Response rebuilt = queries.get("/api/me/alerts?size=100", token);
            assertThat(rebuilt.body()).isEqualTo(afterRead.body());

            assertThat(commands.post("/api/me/alerts/read-all", null, token).status())
                    .isEqualTo(204);
            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> "0".equals(queries.get("/api/me/alerts", token).text("unreadCount")));
            await().atMost(Duration.ofSeconds(5)).until(() -> live.names().size() >= 3);
            assertThat(live.names())
                    .as("the live inbox heard its unread count, nothing of the rebuild, then the reads")
                    .containsOnly("unread-count");
            assertThat(live.heard().get(0).data().path("unreadCount").asLong()).isEqualTo(unread);
            assertThat(live.heard()
                            .get(live.heard().size() - 1)
                            .data()
                            .path("unreadCount")
                            .asLong())
                    .isZero();
        }
    }

    // ---------------------------------------------------------------- live

    @Test
    void aLiveInboxHearsANewAlertWithinASecondOfItsEvent() {
        String customer = UUID.randomUUID().toString();
        String token = TestTokens.valid(customer, "CUSTOMER");
        String booking = hold(token, screening);
        try (LiveInbox live = LiveInbox.open(system.queryPort(), token)) {
            assertThat(live.heard().get(0).name()).isEqualTo("unread-count");
            assertThat(pay(token, booking, "tok_success").status()).isEqualTo(201);
            long confirmed = System.nanoTime();

            await().atMost(Duration.ofSeconds(5)).until(() -> live.names().contains("alert"));
            LiveInbox.Heard alert = live.heard().stream()
                    .filter(heard -> heard.name().equals("alert"))
                    .findFirst()
                    .orElseThrow();
            assertThat(alert.data().path("type").asText()).isEqualTo("BOOKING_CONFIRMED");
            assertThat(alert.data().path("bookingId").asText()).isEqualTo(booking);
            assertThat(alert.data().path("read").asBoolean()).isFalse();
            assertThat(TimeUnit.NANOSECONDS.toMillis(alert.at() - confirmed))
                    .as("ms from the confirmation to the customer's live inbox")
                    .isLessThan(1000);
            await().atMost(Duration.ofSeconds(5)).until(() -> live.names().size() >= 3);
            assertThat(live.heard().get(2).name()).isEqualTo("unread-count");
            assertThat(live.heard().get(2).data().path("unreadCount").asLong()).isEqualTo(1);
        }
    }

    // ---------------------------------------------------------------- favourites

    @Test
    void aFavouriteFilmNewlyScheduledAtAFavouriteCinemaIsToldOnceAndOnlyToItsFans() {
        String fan = UUID.randomUUID().toString();
        String fanToken = TestTokens.valid(fan, "CUSTOMER");
        String filmOnly = UUID.randomUUID().toString();
        String filmOnlyToken = TestTokens.valid(filmOnly, "CUSTOMER");
        assertThat(commands.put("/api/me/favourites/films/" + film, null, fanToken)
                        .status())
                .isEqualTo(204);
        assertThat(commands.put("/api/me/favourites/cinemas/" + cinema, null, fanToken)
                        .status())
                .isEqualTo(204);
        assertThat(commands.put("/api/me/favourites/films/" + film, null, filmOnlyToken)
                        .status())
                .isEqualTo(204);

        String added = schedule(startsAt.plus(2, ChronoUnit.DAYS));

        Response inbox = awaitInbox(fanToken, 1);
        JsonNode alert = inbox.body().get("items").get(0);
        assertThat(alert.get("type").asText()).isEqualTo("NEW_SCREENING_OF_FAVOURITE");
        assertThat(alert.get("screeningId").asText()).isEqualTo(added);
        assertThat(alert.get("filmId").asText()).isEqualTo(film);
        assertThat(alert.get("text").asText()).startsWith("New screening of a favourite: Ring Ring at Le Signal on ");
        awaitCaughtUp(processor(system.command(), "command-alert-policy"), head());
        assertThat(storedAlerts(fan)).as("alerts raised for the fan").isEqualTo(1);
        assertThat(storedAlerts(filmOnly))
                .as("alerts raised for a fan of the film elsewhere")
                .isZero();
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void someoneElsesAlertAndAnUnknownOneAreNotFoundAndAMalformedIdIsRefused() {
        String owner = TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER");
        String booking = hold(owner, screening);
        assertThat(pay(owner, booking, "tok_success").status()).isEqualTo(201);
        String alertId = awaitInbox(owner, 1).text("items/0/alertId");
        String stranger = TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER");

        Response foreign = commands.post("/api/me/alerts/" + alertId + "/read", null, stranger);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.isProblem()).isTrue();
        assertThat(foreign.text("code")).isEqualTo("alert-not-found");
        assertThat(queries.get("/api/me/alerts", stranger).body().get("items")).isEmpty();

        Response unknown = commands.post("/api/me/alerts/" + UUID.randomUUID() + "/read", null, owner);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("alert-not-found");

        Response malformed = commands.post("/api/me/alerts/not-an-alert-id/read", null, owner);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
        assertThat(malformed.errorFields()).containsExactly("alertId");

        assertThat(commands.post("/api/me/alerts/" + alertId + "/read", null, null)
                        .status())
                .isEqualTo(401);
        assertThat(queries.get("/api/me/alerts", null).status()).isEqualTo(401);
        assertThat(commands.post("/api/me/alerts/read-all", null, stranger).status())
                .isEqualTo(204);
        assertThat(queries.get("/api/me/alerts", owner).text("unreadCount")).isEqualTo("1");
    }

    // ---------------------------------------------------------------- helpers

    private String schedule(Instant at) {
        return created(commands.post(
                "/api/admin/screenings",
                Map.of(
                        "filmId",
                        film,
                        "screenId",
                        screen,
                        "startsAt",
                        at.toString(),
                        "prices",
                        Map.of("STANDARD", Map.of("amountMinor", 1250, "currency", CURRENCY))),
                admin));
    }

    private synchronized String hold(String token, String screeningId) {
        seat++;
        Response held =
                commands.post("/api/bookings", Map.of("screeningId", screeningId, "seats", List.of("A" + seat)), token);
        assertThat(held.status()).as(held.raw()).isEqualTo(201);
        return held.text("bookingId");
    }

    private Response pay(String token, String booking, String method) {
        return commands.postWithHeaders(
                "/api/bookings/" + booking + "/payments",
                Map.of("paymentMethod", method),
                token,
                Map.of("Idempotency-Key", "pay-" + UUID.randomUUID()));
    }

    private static void expect(Map<String, Integer> expected, String type, String booking) {
        expected.merge(type + " " + booking, 1, Integer::sum);
    }

    private static boolean readFlag(Response page, String alertId) {
        for (JsonNode item : page.body().path("items")) {
            if (item.path("alertId").asText().equals(alertId)) {
                return item.path("read").asBoolean();
            }
        }
        return false;
    }

    private Response awaitInbox(String token, int alerts) {
        return await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> queries.get("/api/me/alerts?size=100", token),
                        page -> page.status() == 200 && page.body().get("items").size() >= alerts);
    }

    private static Map<String, Integer> alertsByTypeAndBooking(Response inbox) {
        Map<String, Integer> alerts = new TreeMap<>();
        for (JsonNode item : inbox.body().get("items")) {
            alerts.merge(item.get("type").asText() + " " + item.get("bookingId").asText(), 1, Integer::sum);
        }
        return alerts;
    }

    private static String text(Response inbox, String type, String booking) {
        for (JsonNode item : inbox.body().get("items")) {
            if (item.get("type").asText().equals(type)
                    && item.get("bookingId").asText().equals(booking)) {
                return item.get("text").asText();
            }
        }
        throw new AssertionError("No " + type + " alert about " + booking + " in " + inbox.raw());
    }

    /** AlertRaisedEvents stored for the customer's inbox. */
    private int storedAlerts(String customer) {
        return system.command()
                .getBean(JdbcTemplate.class)
                .queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?"
                                + " and payload_type like '%AlertRaisedEvent'",
                        Integer.class, "inbox-" + customer);
    }

    private long head() {
        return system.command()
                .getBean(JdbcTemplate.class)
                .queryForObject("select max(global_index) from domain_event_entry", Long.class);
    }

    private static StreamingEventProcessor processor(ConfigurableApplicationContext context, String name) {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow();
    }

    private static void awaitCaughtUp(StreamingEventProcessor processor, long head) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                    assertThat(status).as(processor.getName() + " segments").isNotEmpty();
                    for (EventTrackerStatus segment : status.values()) {
                        assertThat(segment.getError()).as(processor.getName()).isNull();
                        assertThat(segment.isCaughtUp())
                                .as(processor.getName() + " caught up")
                                .isTrue();
                        assertThat(segment.getCurrentPosition().orElse(-1))
                                .as(processor.getName() + " position")
                                .isGreaterThanOrEqualTo(head);
                    }
                });
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.text("id");
    }
}
