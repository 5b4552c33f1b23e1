package dev.cinema.command.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cinema.command.CommandSideApplication;
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
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hold's deadlines live in the database, not in the process: hold, stop the command side,
 * start a new one on the same database, and the customer is still reminded at the reminder's
 * instant (one HOLD_EXPIRING alert) and the hold still expires at its instant.
 */
abstract class HoldExpirySurvivesRestartTest {

    // The restart has 10 s before the reminder is due; the expiry follows 6 s later, more than the
    // 5 s the reminder may be late, so a reminder only sent with the expiry would fail the test.
    static final int HOLD_SECONDS = 16;
    static final int NOTICE_SECONDS = 6;

    abstract Map<String, Object> database();

    @Test
    void aHoldStillRemindsAndExpiresOnScheduleAfterTheCommandSideRestarts() {
        Map<String, Object> properties = new HashMap<>(database());
        properties.putAll(TestTokens.keyProperties());
        properties.put("server.port", "0");
        properties.put("cinema.booking.hold-duration", "PT" + HOLD_SECONDS + "S");
        properties.put("cinema.booking.hold-expiring-notice", "PT" + NOTICE_SECONDS + "S");
        String admin = TestTokens.valid(UUID.randomUUID().toString(), "ADMIN");
        String customerId = UUID.randomUUID().toString();
        String customer = TestTokens.valid(customerId, "CUSTOMER");

        ConfigurableApplicationContext first = start(properties);
        String bookingId;
        Instant expiresAt;
        try {
            JsonHttp http = JsonHttp.localhost(port(first));
            String screening = screening(http, admin);
            Response held =
                    http.post("/api/bookings", Map.of("screeningId", screening, "seats", List.of("A1")), customer);
            assertThat(held.status()).as(held.raw()).isEqualTo(201);
            bookingId = held.text("bookingId");
            expiresAt = Instant.parse(held.text("expiresAt"));
        } finally {
            first.close();
        }
        Instant remindAt = expiresAt.minusSeconds(NOTICE_SECONDS);
        assertThat(Instant.now())
                .as("the restart must happen before the reminder to test 'on schedule'")
                .isBefore(remindAt);

        ConfigurableApplicationContext second = start(properties);
        try {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            String reminders = "select time_stamp from domain_event_entry where aggregate_identifier = ? "
                    + "and payload_type like '%BookingHoldExpiringEvent'";
            await().atMost(Duration.ofSeconds(NOTICE_SECONDS + 15))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> !jdbc.queryForList(reminders, String.class, bookingId)
                            .isEmpty());
            Instant remindedAt = Instant.parse(
                    jdbc.queryForList(reminders, String.class, bookingId).get(0));
            assertThat(remindedAt).isBetween(remindAt, remindAt.plusSeconds(5));

            String sql = "select time_stamp from domain_event_entry where aggregate_identifier = ? "
                    + "and payload_type like '%BookingExpiredEvent'";
            await().atMost(Duration.ofSeconds(HOLD_SECONDS + 15))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() ->
                            !jdbc.queryForList(sql, String.class, bookingId).isEmpty());
            Instant expiredAt = Instant.parse(
                    jdbc.queryForList(sql, String.class, bookingId).get(0));
            // db-scheduler polls every second: on schedule means within a few seconds of the instant.
            assertThat(expiredAt).isBetween(expiresAt, expiresAt.plusSeconds(5));
            assertThat(jdbc
                            .queryForList(
                                    "select payload from domain_event_entry where payload_type like "
                                            + "'%SeatsReleasedEvent'",
                                    byte[].class)
                            .stream()
                            .map(String::new)
                            .toList())
                    .anySatisfy(payload -> assertThat(payload).contains(bookingId, "EXPIRED"));
            assertThat(jdbc.queryForList(reminders, String.class, bookingId))
                    .as("reminders")
                    .hasSize(1);
            // The alert policy, a tracking processor whose token survived too, told the customer once.
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(alertTypes(jdbc, customerId))
                            .containsExactlyInAnyOrder("HOLD_EXPIRING", "HOLD_EXPIRED"));
        } finally {
            second.close();
        }
    }

    /** The types of the alerts in the customer's inbox, from the event store. */
    private static List<String> alertTypes(JdbcTemplate jdbc, String customerId) {
        return jdbc
                .queryForList(
                        "select payload from domain_event_entry where aggregate_identifier = ?"
                                + " and payload_type like '%AlertRaisedEvent'",
                        byte[].class, "inbox-" + customerId)
                .stream()
                .map(payload -> new String(payload).replaceAll(".*\"type\":\"([A-Z_]+)\".*", "$1"))
                .toList();
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return CommandSideApplication.builder().run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static String screening(JsonHttp http, String admin) {
        String location = created(http.post("/api/admin/locations", Map.of("name", "Cambridge"), admin));
        String cinema = created(http.post(
                "/api/admin/cinemas",
                Map.of(
                        "locationId",
                        location,
                        "name",
                        "Arts Picturehouse",
                        "timeZone",
                        "Europe/London",
                        "address",
                        Map.of(
                                "street",
                                "38 St Andrew's Street",
                                "city",
                                "Cambridge",
                                "postalCode",
                                "CB2 3AR",
                                "country",
                                "GB")),
                admin));
        String screen = created(http.post(
                "/api/admin/screens",
                Map.of(
                        "cinemaId",
                        cinema,
                        "name",
                        "1",
                        "format",
                        "TWO_D",
                        "layout",
                        Map.of(
                                "rows",
                                List.of(Map.of(
                                        "label",
                                        "A",
                                        "cells",
                                        List.of(
                                                Map.of("kind", "SEAT", "number", "1", "type", "STANDARD"),
                                                Map.of("kind", "SEAT", "number", "2", "type", "STANDARD")))))),
                admin));
        String film = created(http.post(
                "/api/admin/films",
                Map.of(
                        "title",
                        "Restart",
                        "runtimeMinutes",
                        80,
                        "ageRating",
                        "G",
                        "genres",
                        List.of("DRAMA"),
                        "releaseDate",
                        "2026-02-02"),
                admin));
        return created(http.post(
                "/api/admin/screenings",
                Map.of(
                        "filmId",
                        film,
                        "screenId",
                        screen,
                        "startsAt",
                        Instant.now()
                                .plus(3, ChronoUnit.DAYS)
                                .truncatedTo(ChronoUnit.HOURS)
                                .toString(),
                        "prices",
                        Map.of("STANDARD", Map.of("amountMinor", 800, "currency", "GBP"))),
                admin));
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.text("id");
    }
}
