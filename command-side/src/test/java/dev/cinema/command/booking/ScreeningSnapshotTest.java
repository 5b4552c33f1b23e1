package dev.cinema.command.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cinema.command.CommandSideApplication;
import dev.cinema.platform.testsupport.H2Database;
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
 * A screening rebuilt from a snapshot decides exactly as one rebuilt from all its events: after a
 * restart (empty cache) the seats held before the snapshot are still taken, the others still free.
 */
class ScreeningSnapshotTest {

    @Test
    void aScreeningRestoredFromItsSnapshotStillKnowsWhichSeatsAreTaken() {
        Map<String, Object> properties = new HashMap<>(H2Database.properties());
        properties.putAll(TestTokens.keyProperties());
        properties.put("server.port", "0");
        properties.put("cinema.screenings.snapshot-every", "3");
        String admin = TestTokens.valid(UUID.randomUUID().toString(), "ADMIN");
        String screening;

        ConfigurableApplicationContext first = start(properties);
        try {
            JsonHttp http = JsonHttp.localhost(port(first));
            screening = screening(http, admin);
            for (String seat : List.of("A1", "A3", "A5", "A7")) {
                assertThat(hold(http, screening, seat).status()).isEqualTo(201);
            }
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            // Snapshots are taken after the unit of work, on Axon's snapshotter: wait for one.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.queryForObject(
                                    "select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                                    Long.class,
                                    screening)
                            > 0);
            String snapshot = jdbc.queryForObject(
                    "select payload from snapshot_event_entry where " + "aggregate_identifier = ?",
                    (row, i) -> new String(row.getBytes(1)),
                    screening);
            assertThat(snapshot).contains("heldBy", "A1", "A3");
            // Proof that the next start decides from the snapshot: the events it covers are gone.
            long covered = jdbc.queryForObject(
                    "select max(sequence_number) from snapshot_event_entry where " + "aggregate_identifier = ?",
                    Long.class,
                    screening);
            jdbc.update(
                    "delete from domain_event_entry where aggregate_identifier = ? and sequence_number <= ?",
                    screening,
                    covered);
        } finally {
            first.close();
        }

        ConfigurableApplicationContext second = start(properties);
        try {
            JsonHttp http = JsonHttp.localhost(port(second));
            Response taken = hold(http, screening, "A1", "A2", "A3");
            assertThat(taken.status()).isEqualTo(409);
            assertThat(taken.body().get("unavailableSeats").toString()).isEqualTo("[\"A1\",\"A3\"]");
            assertThat(hold(http, screening, "A7").status()).isEqualTo(409);
            assertThat(hold(http, screening, "A2", "A4", "A6").status()).isEqualTo(201);
        } finally {
            second.close();
        }
    }

    private static Response hold(JsonHttp http, String screening, String... seats) {
        return http.post(
                "/api/bookings",
                Map.of("screeningId", screening, "seats", List.of(seats)),
                TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER"));
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
        String location =
                http.post("/api/admin/locations", Map.of("name", "Snap"), admin).text("id");
        String cinema = http.post(
                        "/api/admin/cinemas",
                        Map.of(
                                "locationId",
                                location,
                                "name",
                                "Snap",
                                "timeZone",
                                "UTC",
                                "address",
                                Map.of("street", "1 Snap", "city", "Snap", "postalCode", "1", "country", "GB")),
                        admin)
                .text("id");
        http.put("/api/admin/cinemas/" + cinema + "/seating-policy", Map.of("preventStrandedSeats", false), admin);
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int s = 1; s <= 8; s++) {
            cells.add(Map.of("kind", "SEAT", "number", String.valueOf(s), "type", "STANDARD"));
        }
        String screen = http.post(
                        "/api/admin/screens",
                        Map.of(
                                "cinemaId",
                                cinema,
                                "name",
                                "S",
                                "format",
                                "TWO_D",
                                "layout",
                                Map.of("rows", List.of(Map.of("label", "A", "cells", cells)))),
                        admin)
                .text("id");
        String film = http.post(
                        "/api/admin/films",
                        Map.of(
                                "title",
                                "Snap",
                                "runtimeMinutes",
                                90,
                                "ageRating",
                                "G",
                                "genres",
                                List.of("DRAMA"),
                                "releaseDate",
                                "2026-01-01"),
                        admin)
                .text("id");
        Response screening = http.post(
                "/api/admin/screenings",
                Map.of(
                        "filmId",
                        film,
                        "screenId",
                        screen,
                        "startsAt",
                        Instant.now()
                                .plus(5, ChronoUnit.DAYS)
                                .truncatedTo(ChronoUnit.HOURS)
                                .toString(),
                        "prices",
                        Map.of("STANDARD", Map.of("amountMinor", 700, "currency", "GBP"))),
                admin);
        assertThat(screening.status()).as(screening.raw()).isEqualTo(201);
        return screening.text("id");
    }
}
