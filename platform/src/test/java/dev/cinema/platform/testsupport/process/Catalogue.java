package dev.cinema.platform.testsupport.process;

import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The screenings a scenario holds seats of, made through the admin HTTP API as staff would: one
 * cinema (its stranded-seat rule off, so that random holds can fill a screening to the last seat),
 * a film of 100 minutes and screens of {@code rows} × {@code seatsPerRow} standard seats.
 * Screenings on one screen are three hours apart, past the runtime and the 20-minute cleaning gap.
 */
public final class Catalogue {

    private static final Duration SLOT = Duration.ofHours(3);

    private final JsonHttp http;
    private final String admin = TestTokens.valid(UUID.randomUUID().toString(), "ADMIN");
    private final int rows;
    private final int seatsPerRow;
    private final String film;
    private final List<String> screens = new ArrayList<>();
    private final List<AtomicInteger> slots = new ArrayList<>();
    private final Instant firstSlot = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    /** A cinema with {@code screenCount} screens; each screen's screenings are made one after another. */
    public Catalogue(JsonHttp http, int rows, int seatsPerRow, int screenCount) {
        this.http = http;
        this.rows = rows;
        this.seatsPerRow = seatsPerRow;
        String location = created(http.post("/api/admin/locations", Map.of("name", "Bench"), admin));
        String cinema = created(http.post(
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
                admin));
        http.put("/api/admin/cinemas/" + cinema + "/seating-policy", Map.of("preventStrandedSeats", false), admin);
        for (int s = 0; s < screenCount; s++) {
            screens.add(created(http.post(
                    "/api/admin/screens",
                    Map.of(
                            "cinemaId",
                            cinema,
                            "name",
                            "Screen " + (s + 1),
                            "format",
                            "IMAX",
                            "layout",
                            Map.of("rows", layout())),
                    admin)));
            slots.add(new AtomicInteger());
        }
        this.film = created(http.post(
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
                admin));
    }

    /** One screening on the first screen, at its next free slot. */
    public String screening() {
        return screening(0);
    }

    /** {@code count} screenings, made by one thread per screen (a screen's lock orders its own). */
    public List<String> screenings(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(screens.size());
        try {
            List<Future<String>> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int screen = i % screens.size();
                made.add(pool.submit(() -> screening(screen)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> screening : made) {
                ids.add(screening.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    private String screening(int screen) {
        Instant startsAt = firstSlot.plus(SLOT.multipliedBy(slots.get(screen).getAndIncrement()));
        return created(http.post(
                "/api/admin/screenings",
                Map.of(
                        "filmId",
                        film,
                        "screenId",
                        screens.get(screen),
                        "startsAt",
                        startsAt.toString(),
                        "prices",
                        Map.of("STANDARD", Map.of("amountMinor", 1000, "currency", "EUR"))),
                admin));
    }

    /** Every seat's label, row by row: A1 … A50, B1 …; rows past Z are AA, AB, … */
    public List<String> seats() {
        List<String> seats = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int s = 1; s <= seatsPerRow; s++) {
                seats.add(rowLabel(r) + s);
            }
        }
        return seats;
    }

    public int seatsPerRow() {
        return seatsPerRow;
    }

    private List<Map<String, Object>> layout() {
        List<Map<String, Object>> layout = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int s = 1; s <= seatsPerRow; s++) {
                cells.add(Map.of("kind", "SEAT", "number", String.valueOf(s), "type", "STANDARD"));
            }
            layout.add(Map.of("label", rowLabel(r), "cells", cells));
        }
        return layout;
    }

    private static String rowLabel(int row) {
        return row < 26 ? String.valueOf((char) ('A' + row)) : "A" + (char) ('A' + row - 26);
    }

    private static String created(JsonHttp.Response response) {
        if (response.status() != 201 && response.status() != 200) {
            throw new IllegalStateException(
                    "Setting up the catalogue failed: " + response.status() + " " + response.raw());
        }
        return response.text("id");
    }
}
