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
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reviews and favourites over HTTP, both apps as the default run starts them. A review needs a
 * paid booking for a screening that has started, and the command side refuses to schedule in
 * the past: so a screening is scheduled {@value #LEAD_SECONDS} seconds ahead, booked and paid at
 * once, and the test polls until it has started (no clock is faked, nothing sleeps). Runs on H2
 * and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReviewsAndFavouritesTest {

    static final int LEAD_SECONDS = 8;
    static final Duration CATCH_UP = Duration.ofSeconds(20);

    StandaloneApplication.Running system;
    JsonHttp commands;
    JsonHttp queries;
    final String admin = TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER", "ADMIN");

    String location;
    String cinema;
    String screen;
    String otherScreen;
    /** Screened soon (and in three days): reviewed, replaced, hidden and withdrawn. */
    String film;
    /** Screened soon on the other screen: its average is watched. */
    String averagedFilm;
    /** Never screened. */
    String otherFilm;
    /** Of {@link #film}; starts {@value #LEAD_SECONDS} seconds after the catalogue is built. */
    String soonScreening;
    /** Of {@link #averagedFilm}, at the same time. */
    String otherSoonScreening;

    Instant soonStartsAt;
    /** Three days ahead: a booking of it is refunded in full. */
    String laterScreening;

    /** A viewer: paid for a seat of the soon screening. */
    Customer ada;
    /** Another viewer. */
    Customer grace;
    /** Viewers of the averaged film. */
    Customer hedy;

    Customer ida;
    /** Held a seat of the soon screening and never paid. */
    Customer holder;
    /** Paid for a seat of the later screening and got it all back. */
    Customer refunded;
    /** Never booked. */
    Customer stranger;

    record Customer(String accountId, String token) {}

    abstract Map<String, Object> database();

    @BeforeAll
    void start() {
        Map<String, Object> properties = new HashMap<>(database());
        properties.putAll(TestTokens.keyProperties());
        properties.put("server.port", "0");
        properties.put("cinema.payments.simulated.latency", "PT0S");
        properties.put("cinema.payments.simulated.decline-rate", "0");
        system = StandaloneApplication.start(properties, false);
        commands = JsonHttp.localhost(system.commandPort());
        queries = JsonHttp.localhost(system.queryPort());

        ada = register("Ada");
        grace = register("Grace");
        hedy = register("Hedy");
        ida = register("Ida");
        holder = register("Holder");
        refunded = register("Refunded");
        stranger = register("Stranger");
        catalogue();
        // Booked and paid before the screening starts: holds are refused once it has.
        paid(ada, soonScreening, "A1");
        paid(grace, soonScreening, "A2");
        held(holder, soonScreening, "A3");
        paid(hedy, otherSoonScreening, "A1");
        paid(ida, otherSoonScreening, "A2");
        String returned = paid(refunded, laterScreening, "A1");
        Response refund = commands.post("/api/bookings/" + returned + "/refunds", null, refunded.token);
        assertThat(refund.status()).as(refund.raw()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.stop();
        }
    }

    // ---------------------------------------------------------------- reviews

    @Test
    void onlyAViewerWhoseScreeningHasStartedMayReviewAndSaysSoWhenRefused() {
        // Grace paid; until her screening starts she is told when it does (this test may run after it has).
        Response early = review(grace, film, 5, "Too early?");
        boolean writtenEarly = early.status() != 403;
        if (writtenEarly) {
            assertThat(early.status()).as(early.raw()).isEqualTo(201);
            assertThat(Instant.now()).isAfterOrEqualTo(soonStartsAt);
        } else {
            assertThat(early.text("code")).as(early.raw()).isEqualTo("screening-not-started");
            assertThat(Instant.parse(early.text("screeningStartsAt"))).isEqualTo(soonStartsAt);
        }
        for (Customer notAViewer : List.of(stranger, holder, refunded)) {
            Response refused = review(notAViewer, film, 5, "I was there, honestly.");
            assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.text("code")).isEqualTo("no-confirmed-booking");
        }

        Response written = awaitStarted(grace, film, 4, "Worth the wait.");
        assertThat(written.status()).isEqualTo(writtenEarly ? 200 : 201);
        assertThat(written.text("reviewId")).startsWith("review-");
        assertThat(written.text("filmId")).isEqualTo(film);
        // Still refused once it has started, for those who never paid or were refunded.
        assertThat(review(holder, film, 5, "Sneaked in").status()).isEqualTo(403);
        assertThat(review(refunded, film, 5, "Got my money back").status()).isEqualTo(403);
        assertThat(review(stranger, film, 1, "Never saw it").text("code")).isEqualTo("no-confirmed-booking");
    }

    @Test
    void aReviewIsReplacedHiddenShownAgainAndWithdrawnAndTheAverageFollows() {
        Response first = awaitStarted(ada, film, 5, "<b>Loved it</b> & so did my kids");
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        String reviewId = first.text("reviewId");

        JsonNode shown = awaitReview(
                reviewId, review -> assertThat(review.get("rating").asInt()).isEqualTo(5));
        assertThat(shown.get("text").asText()).isEqualTo("<b>Loved it</b> & so did my kids");
        assertThat(shown.get("reviewer").asText()).isEqualTo("Ada");

        Response replaced = review(ada, film, 2, "  On reflection: too long.  ");
        assertThat(replaced.status()).as(replaced.raw()).isEqualTo(200);
        assertThat(replaced.text("reviewId")).isEqualTo(reviewId);
        assertThat(replaced.text("text")).isEqualTo("On reflection: too long.");
        awaitReview(reviewId, review -> assertThat(review.get("rating").asInt()).isEqualTo(2));
        assertThat(reviewsOf(film).stream()
                        .filter(review -> review.get("reviewer").asText().equals("Ada"))
                        .count())
                .as("one review per customer and film")
                .isEqualTo(1);

        // Hidden by staff: out of the list and the average; a customer cannot hide.
        assertThat(commands.post("/api/admin/reviews/" + reviewId + "/hide", Map.of("reason", "x"), ada.token)
                        .status())
                .isEqualTo(403);
        assertThat(commands.post("/api/admin/reviews/" + reviewId + "/hide", Map.of("reason", "Spoiler"), admin)
                        .status())
                .isEqualTo(204);
        await().atMost(CATCH_UP)
                .untilAsserted(() -> assertThat(ids(reviewsOf(film))).doesNotContain(reviewId));
        assertThat(commands.post("/api/admin/reviews/" + reviewId + "/hide", Map.of("reason", "Again"), admin)
                        .status())
                .as("hiding a hidden review changes nothing")
                .isEqualTo(204);
        assertThat(commands.post("/api/admin/reviews/" + reviewId + "/unhide", Map.of("reason", "Edited"), admin)
                        .status())
                .isEqualTo(204);
        awaitReview(reviewId, review -> assertThat(review.get("rating").asInt()).isEqualTo(2));

        // Withdrawn by its author: gone, and a second withdrawal finds nothing.
        assertThat(commands.delete("/api/films/" + film + "/review", ada.token).status())
                .isEqualTo(204);
        await().atMost(CATCH_UP)
                .untilAsserted(() -> assertThat(ids(reviewsOf(film))).doesNotContain(reviewId));
        Response again = commands.delete("/api/films/" + film + "/review", ada.token);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.text("code")).isEqualTo("review-not-found");
        assertThat(commands.post("/api/admin/reviews/" + reviewId + "/hide", Map.of("reason", "Gone"), admin)
                        .status())
                .isEqualTo(404);

        // Written again: a new review (201) under the same id.
        Response rewritten = review(ada, film, 4, "Third time lucky.");
        assertThat(rewritten.status()).isEqualTo(201);
        assertThat(rewritten.text("reviewId")).isEqualTo(reviewId);
        awaitReview(reviewId, review -> assertThat(review.get("rating").asInt()).isEqualTo(4));
    }

    @Test
    void theFilmsAverageFollowsEditsAndHides() {
        Response byHedy = awaitStarted(hedy, averagedFilm, 5, "Loved it.");
        assertThat(byHedy.status()).isEqualTo(201);
        Response byIda = review(ida, averagedFilm, 4, "Liked it.");
        assertThat(byIda.status()).isEqualTo(201);
        awaitRating(averagedFilm, 4.5, 2);
        JsonNode page = queries.get("/api/films/" + averagedFilm + "/reviews?sort=rating", null)
                .body();
        assertThat(page.get("averageRating").asDouble()).isEqualTo(4.5);
        assertThat(page.get("reviewCount").asInt()).isEqualTo(2);
        assertThat(page.at("/items/0/reviewer").asText()).isEqualTo("Hedy");
        assertThat(page.toString())
                .as("no reviewer's account id or e-mail")
                .doesNotContain(hedy.accountId, ida.accountId, "@example.org");

        assertThat(review(hedy, averagedFilm, 2, "Less on reflection.").status())
                .isEqualTo(200);
        awaitRating(averagedFilm, 3.0, 2);
        String idasReview = byIda.text("reviewId");
        assertThat(commands.post("/api/admin/reviews/" + idasReview + "/hide", Map.of("reason", "Rude"), admin)
                        .status())
                .isEqualTo(204);
        awaitRating(averagedFilm, 2.0, 1);
        assertThat(commands.post("/api/admin/reviews/" + idasReview + "/unhide", Map.of("reason", "Fine"), admin)
                        .status())
                .isEqualTo(204);
        awaitRating(averagedFilm, 3.0, 2);
        assertThat(commands.delete("/api/films/" + averagedFilm + "/review", hedy.token)
                        .status())
                .isEqualTo(204);
        awaitRating(averagedFilm, 4.0, 1);

        // A film nobody reviewed has no average.
        JsonNode other = filmView(otherFilm);
        assertThat(other.get("averageRating").isNull()).isTrue();
        assertThat(other.get("reviewCount").asInt()).isZero();
    }

    @Test
    void unknownOrRetiredFilmsAndBadReviewsAreRefused() {
        Response unknown = review(ada, "no-such-film", 4, "Hm.");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("film-not-found");
        String retired = created(commands.post("/api/admin/films", film("Retired Before Its Time"), admin));
        assertThat(commands.delete("/api/admin/films/" + retired, admin).status())
                .isEqualTo(204);
        assertThat(review(ada, retired, 4, "Hm.").status()).isEqualTo(404);
        assertThat(commands.delete("/api/films/" + retired + "/review", ada.token)
                        .status())
                .isEqualTo(404);

        Response tooHigh = review(ada, film, 6, "Off the scale");
        assertThat(tooHigh.status()).isEqualTo(400);
        assertThat(tooHigh.errorFields()).contains("rating");
        Response tooLong = review(ada, film, 4, "x".repeat(2001));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorFields()).contains("text");
        assertThat(commands.put("/api/films/" + film + "/review", Map.of("rating", 4), null)
                        .status())
                .isEqualTo(401);
        assertThat(commands.post("/api/admin/reviews/review-unknown/hide", Map.of("reason", "x"), admin)
                        .status())
                .isEqualTo(404);
        assertThat(commands.post("/api/admin/reviews/review-unknown/hide", Map.of("reason", ""), admin)
                        .status())
                .isEqualTo(400);
    }

    // ---------------------------------------------------------------- favourites

    @Test
    void favouritesAreAddedAndRemovedOnceAndListedForTheirCustomerOnly() {
        Customer fan = register("Fan");
        assertThat(commands.put("/api/me/favourites/films/" + film, null, fan.token)
                        .status())
                .isEqualTo(204);
        assertThat(commands.put("/api/me/favourites/cinemas/" + cinema, null, fan.token)
                        .status())
                .isEqualTo(204);
        assertThat(commands.put("/api/me/favourites/locations/" + location, null, fan.token)
                        .status())
                .isEqualTo(204);
        assertThat(eventCount(fan)).isEqualTo(3);
        // Again: nothing changes, nothing is recorded.
        assertThat(commands.put("/api/me/favourites/films/" + film, null, fan.token)
                        .status())
                .isEqualTo(204);
        assertThat(commands.delete("/api/me/favourites/films/" + otherFilm, fan.token)
                        .status())
                .isEqualTo(204);
        assertThat(eventCount(fan)).isEqualTo(3);

        Response mine = awaitFavourites(
                fan, view -> assertThat(view.body().get("locations")).hasSize(1));
        assertThat(mine.text("films/0/id")).isEqualTo(film);
        assertThat(mine.text("films/0/name")).isEqualTo("Night at the Review");
        assertThat(mine.text("cinemas/0/name")).isEqualTo("Review Palace");
        assertThat(mine.text("locations/0/name")).isEqualTo("Critics' Corner");
        Response theirs = queries.get("/api/me/favourites", stranger.token);
        assertThat(theirs.body().get("films")).isEmpty();
        assertThat(theirs.body().get("cinemas")).isEmpty();

        assertThat(commands.delete("/api/me/favourites/locations/" + location, fan.token)
                        .status())
                .isEqualTo(204);
        assertThat(eventCount(fan)).isEqualTo(4);
        awaitFavourites(fan, view -> assertThat(view.body().get("locations")).isEmpty());
    }

    @Test
    void unknownOrRetiredItemsAndUnknownKindsAreRefused() {
        Customer fan = register("Picky");
        Response unknown = commands.put("/api/me/favourites/films/no-such-film", null, fan.token);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("film-not-found");
        assertThat(commands.put("/api/me/favourites/cinemas/" + film, null, fan.token)
                        .text("code"))
                .as("a film's id is no cinema")
                .isEqualTo("cinema-not-found");
        assertThat(commands.delete("/api/me/favourites/locations/nowhere", fan.token)
                        .status())
                .isEqualTo(404);
        String retired = created(commands.post("/api/admin/locations", Map.of("name", "Ghost Town"), admin));
        assertThat(commands.delete("/api/admin/locations/" + retired, admin).status())
                .isEqualTo(204);
        assertThat(commands.put("/api/me/favourites/locations/" + retired, null, fan.token)
                        .status())
                .isEqualTo(404);
        Response badKind = commands.put("/api/me/favourites/actors/" + film, null, fan.token);
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.errorFields()).contains("kind");
        assertThat(commands.put("/api/me/favourites/films/" + film, null, null).status())
                .isEqualTo(401);
        assertThat(eventCount(fan)).as("nothing recorded for refused requests").isZero();
    }

    @Test
    void listingsNarrowToTheCallersFavourites() {
        Customer fan = register("Listing Fan");
        assertThat(commands.put("/api/me/favourites/films/" + film, null, fan.token)
                        .status())
                .isEqualTo(204);
        awaitFavourites(fan, view -> assertThat(view.body().get("films")).hasSize(1));

        Response films = queries.get("/api/films?favourites=true&size=100", fan.token);
        assertThat(ids(films.body().get("items"), "id")).containsExactly(film);
        Response screenings = queries.get("/api/screenings?favourites=true&size=100", fan.token);
        assertThat(ids(screenings.body().get("items"), "id")).contains(laterScreening);
        assertThat(screenings.body().get("items"))
                .allSatisfy(item -> assertThat(item.get("filmId").asText()).isEqualTo(film));
        assertThat(queries.get("/api/films?favourites=true", stranger.token)
                        .body()
                        .get("items"))
                .isEmpty();
        Response anonymous = queries.get("/api/screenings?favourites=true", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.text("code")).isEqualTo("token-required");
    }

    // ---------------------------------------------------------------- helpers

    private void catalogue() {
        location = created(commands.post("/api/admin/locations", Map.of("name", "Critics' Corner"), admin));
        cinema = created(commands.post(
                "/api/admin/cinemas",
                Map.of(
                        "locationId",
                        location,
                        "name",
                        "Review Palace",
                        "timeZone",
                        "Europe/Madrid",
                        "address",
                        Map.of("street", "1 Calle Mayor", "city", "Madrid", "postalCode", "28013", "country", "ES")),
                admin));
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int seat = 1; seat <= 6; seat++) {
            cells.add(Map.of("kind", "SEAT", "number", String.valueOf(seat), "type", "STANDARD"));
        }
        screen = created(commands.post(
                "/api/admin/screens",
                Map.of(
                        "cinemaId",
                        cinema,
                        "name",
                        "Sala 1",
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
        otherScreen = created(commands.post(
                "/api/admin/screens",
                Map.of(
                        "cinemaId",
                        cinema,
                        "name",
                        "Sala 2",
                        "format",
                        "TWO_D",
                        "layout",
                        Map.of("rows", List.of(Map.of("label", "A", "cells", cells)))),
                admin));
        film = created(commands.post("/api/admin/films", film("Night at the Review"), admin));
        averagedFilm = created(commands.post("/api/admin/films", film("Average Joe"), admin));
        otherFilm = created(commands.post("/api/admin/films", film("Nobody's Review"), admin));
        laterScreening =
                schedule(film, screen, Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
        soonStartsAt = Instant.now().plusSeconds(LEAD_SECONDS).truncatedTo(ChronoUnit.SECONDS);
        soonScreening = schedule(film, screen, soonStartsAt);
        otherSoonScreening = schedule(averagedFilm, otherScreen, soonStartsAt);
    }

    private String schedule(String filmId, String screenId, Instant startsAt) {
        return created(commands.post(
                "/api/admin/screenings",
                Map.of(
                        "filmId",
                        filmId,
                        "screenId",
                        screenId,
                        "startsAt",
                        startsAt.toString(),
                        "prices",
                        Map.of("STANDARD", Map.of("amountMinor", 900, "currency", "EUR"))),
                admin));
    }

    private static Map<String, Object> film(String title) {
        return Map.of(
                "title",
                title,
                "runtimeMinutes",
                90,
                "ageRating",
                "PG",
                "genres",
                List.of("COMEDY"),
                "releaseDate",
                "2026-01-02");
    }

    private Customer register(String name) {
        String email = name.toLowerCase().replace(' ', '-') + "-" + UUID.randomUUID() + "@example.org";
        Response registered = commands.post(
                "/api/accounts", Map.of("email", email, "password", "Reviewer-2026", "displayName", name), null);
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        Response login = commands.post("/api/auth/login", Map.of("email", email, "password", "Reviewer-2026"), null);
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        return new Customer(registered.text("accountId"), login.text("accessToken"));
    }

    private String held(Customer customer, String screening, String seat) {
        Response hold = commands.post(
                "/api/bookings", Map.of("screeningId", screening, "seats", List.of(seat)), customer.token);
        assertThat(hold.status()).as(hold.raw()).isEqualTo(201);
        return hold.text("bookingId");
    }

    private String paid(Customer customer, String screening, String seat) {
        String booking = held(customer, screening, seat);
        Response payment = commands.postWithHeaders(
                "/api/bookings/" + booking + "/payments",
                Map.of("paymentMethod", "tok_success"),
                customer.token,
                Map.of("Idempotency-Key", "pay-" + booking));
        assertThat(payment.status()).as(payment.raw()).isEqualTo(201);
        return booking;
    }

    private Response review(Customer customer, String filmId, int rating, String text) {
        Map<String, Object> body = new HashMap<>();
        body.put("rating", rating);
        body.put("text", text);
        return commands.put("/api/films/" + filmId + "/review", body, customer.token);
    }

    /**
     * Polls until the soon screening has started and the review is taken; until then every answer
     * must be the refusal that says so.
     */
    private Response awaitStarted(Customer customer, String filmId, int rating, String text) {
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(LEAD_SECONDS + 20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    last[0] = review(customer, filmId, rating, text);
                    if (last[0].status() == 403) {
                        assertThat(last[0].text("code")).as(last[0].raw()).isEqualTo("screening-not-started");
                        return false;
                    }
                    assertThat(last[0].status()).as(last[0].raw()).isIn(200, 201);
                    return true;
                });
        return last[0];
    }

    private List<JsonNode> reviewsOf(String filmId) {
        Response page = queries.get("/api/films/" + filmId + "/reviews?size=100", null);
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        List<JsonNode> reviews = new ArrayList<>();
        page.body().get("items").forEach(reviews::add);
        return reviews;
    }

    private JsonNode awaitReview(String reviewId, Consumer<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            last[0] = reviewsOf(film).stream()
                    .filter(review -> review.get("reviewId").asText().equals(reviewId))
                    .findFirst()
                    .orElse(null);
            assertThat(last[0]).as("review " + reviewId + " listed").isNotNull();
            condition.accept(last[0]);
        });
        return last[0];
    }

    /** Until the film's view and its reviews page both show this average over this many reviews. */
    private void awaitRating(String filmId, double average, int count) {
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            JsonNode view = filmView(filmId);
            assertThat(view.path("reviewCount").asInt()).isEqualTo(count);
            assertThat(view.path("averageRating").asDouble()).isEqualTo(average);
            JsonNode page =
                    queries.get("/api/films/" + filmId + "/reviews", null).body();
            assertThat(page.get("items")).hasSize(count);
            assertThat(page.get("averageRating").asDouble()).isEqualTo(average);
        });
    }

    private JsonNode filmView(String filmId) {
        Response view = queries.get("/api/films/" + filmId, null);
        assertThat(view.status()).as(view.raw()).isEqualTo(200);
        return view.body();
    }

    private Response awaitFavourites(Customer customer, Consumer<Response> condition) {
        Response[] last = new Response[1];
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            last[0] = queries.get("/api/me/favourites", customer.token);
            assertThat(last[0].status()).as(last[0].raw()).isEqualTo(200);
            condition.accept(last[0]);
        });
        return last[0];
    }

    /** Events of the customer's favourites. */
    private long eventCount(Customer customer) {
        return system.command()
                .getBean(JdbcTemplate.class)
                .queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?",
                        Long.class,
                        "favourites-" + customer.accountId);
    }

    private static List<String> ids(List<JsonNode> reviews) {
        return reviews.stream().map(review -> review.get("reviewId").asText()).toList();
    }

    private static List<String> ids(JsonNode items, String field) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get(field).asText()));
        return ids;
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.text("id");
    }
}
