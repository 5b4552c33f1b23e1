package dev.cinema.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cinema.platform.observability.RequestCorrelation;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.JsonHttp.Response;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The whole system as a user meets it: both apps started as the default run starts them, talked to
 * over HTTP only. A customer registers and logs in on the command side, an admin builds a
 * screening, and the customer finds it in the query side's listings. Runs on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Captures the console from before the system starts (both apps log there), for the log scan.
@ExtendWith(OutputCaptureExtension.class)
abstract class EndToEndTest {

    static final String ADMIN_EMAIL = "first-admin@cinema.test";
    static final String ADMIN_PASSWORD = "first-admin-2026";

    StandaloneApplication.Running system;
    JsonHttp commands;
    JsonHttp queries;

    /** Database properties for both contexts. */
    abstract Map<String, Object> database();

    @BeforeAll
    void start() {
        Map<String, Object> properties = new HashMap<>(database());
        properties.put("server.port", "0");
        properties.put("cinema.bootstrap.admin.email", ADMIN_EMAIL);
        properties.put("cinema.bootstrap.admin.password", ADMIN_PASSWORD);
        // Everything at INFO (the tests' default is WARN), so that the log scan sees what
        // production would log.
        properties.put("logging.level.root", "INFO");
        system = StandaloneApplication.start(properties, false);
        commands = JsonHttp.localhost(system.commandPort());
        queries = JsonHttp.localhost(system.queryPort());
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.stop();
        }
    }

    @Test
    void aCustomerFindsTheScreeningAnAdminJustScheduled() {
        String email = "viewer-" + UUID.randomUUID() + "@example.org";
        Response registered = commands.post(
                "/api/accounts",
                Map.of("email", email, "password", "Popcorn-and-2-tickets", "displayName", "Vi Ewer"),
                null);
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        String customer = token(email, "Popcorn-and-2-tickets");
        String admin = token(ADMIN_EMAIL, ADMIN_PASSWORD);

        Scheduled scheduled = scheduleAScreening(admin);
        String location = scheduled.location();
        String film = scheduled.film();
        String screening = scheduled.screening();
        LocalDate tomorrow = scheduled.day();

        Response[] listing = new Response[1];
        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    listing[0] = queries.get("/api/screenings?locationId=" + location + "&date=" + tomorrow, customer);
                    assertThat(listing[0].body().get("items")).hasSize(1);
                });
        assertThat(listing[0].text("items/0/id")).isEqualTo(screening);
        assertThat(listing[0].text("items/0/filmTitle")).isEqualTo("La Sortie de l'usine");
        assertThat(listing[0].text("items/0/cinemaName")).isEqualTo("Cinéma Lumière");
        assertThat(listing[0].text("items/0/localStart")).isEqualTo(tomorrow + "T20:15");
        assertThat(listing[0].text("items/0/freeSeats")).isEqualTo("5");
        assertThat(listing[0].text("items/0/prices/PREMIUM/amountMinor")).isEqualTo("1400");
        assertThat(queries.get("/api/locations/" + location + "/cinemas", null).text("items/0/name"))
                .isEqualTo("Cinéma Lumière");
        assertThat(queries.get("/api/films?availability=NOW_SHOWING&size=100", null)
                        .raw())
                .contains(film);

        // The query side accepts the command side's token: it verifies with the public key alone.
        Response me = queries.get("/api/me", customer);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("accountId")).isEqualTo(registered.text("accountId"));
        // And the customer cannot do what the admin did.
        assertThat(commands.post("/api/admin/locations", Map.of("name", "Villeurbanne"), customer)
                        .status())
                .isEqualTo(403);
    }

    /**
     * Issue 12: the log lines of a whole run (both apps starting, a customer registering, logging
     * in, holding seats, paying and getting a refund, an admin building the catalogue) name no
     * token, password, payment method or e-mail address; and the correlation id sent with the
     * payment is on the command side's line about the sale and on the query side's line about the
     * projection that shows it to the customer.
     */
    @Test
    void noLogLineNamesASecretAndTheCorrelationIdFollowsAPaymentIntoTheProjection(CapturedOutput output) {
        String email = "private-person-" + UUID.randomUUID() + "@example.org";
        String password = "Secret-matinee-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(commands.post(
                                "/api/accounts",
                                Map.of("email", email, "password", password, "displayName", "Pri Vate"),
                                null)
                        .status())
                .isEqualTo(201);
        String customer = token(email, password);
        String admin = token(ADMIN_EMAIL, ADMIN_PASSWORD);
        Scheduled scheduled = scheduleAScreening(admin);

        Response hold = commands.post(
                "/api/bookings", Map.of("screeningId", scheduled.screening(), "seats", List.of("A2", "A3")), customer);
        assertThat(hold.status()).as(hold.raw()).isEqualTo(201);
        String booking = hold.text("bookingId");
        String paymentMethod = "tok_card_" + UUID.randomUUID().toString().replace("-", "");
        String requestId = "e2e-" + UUID.randomUUID();
        Response paid = commands.postWithHeaders(
                "/api/bookings/" + booking + "/payments",
                Map.of("paymentMethod", paymentMethod),
                customer,
                Map.of("Idempotency-Key", "pay-" + UUID.randomUUID(), RequestCorrelation.HEADER, requestId));
        assertThat(paid.status()).as(paid.raw()).isEqualTo(201);
        assertThat(paid.header(RequestCorrelation.HEADER)).isEqualTo(requestId);
        Response refunded = commands.post("/api/bookings/" + booking + "/refunds", null, customer);
        assertThat(refunded.status()).as(refunded.raw()).isBetween(200, 202);

        // The correlation id is printed by the text pattern as "[id] " before the logger's name.
        String tagged = "[" + requestId + "]";
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(output.getAll().lines().filter(line -> line.contains(tagged)))
                        .anySatisfy(line -> assertThat(line).contains("Booking confirmed: booking " + booking))
                        .anySatisfy(line -> assertThat(line)
                                .contains("Booking confirmed in customer bookings: booking " + booking)));

        String logs = output.getAll();
        assertThat(logs).contains("Payment refunded");
        for (String secret : List.of(
                customer,
                admin,
                signature(customer),
                signature(admin),
                password,
                ADMIN_PASSWORD,
                paymentMethod,
                email,
                ADMIN_EMAIL)) {
            assertThat(logs).as("the logs name a secret or personal datum").doesNotContain(secret);
        }
    }

    /** A token's signature alone is enough to replay it, so it must not appear either. */
    private static String signature(String jwt) {
        return jwt.substring(jwt.lastIndexOf('.') + 1);
    }

    @Test
    void bothSidesServeTheirApiDocsAndHealthWithoutAToken() {
        for (JsonHttp side : List.of(commands, queries)) {
            assertThat(side.get("/v3/api-docs", null).status()).isEqualTo(200);
            assertThat(side.get("/actuator/health", null).text("status")).isEqualTo("UP");
        }
    }

    /** Where and when: a location, a cinema, a screen of five seats (A1 to A3, B1, B2), a film and its screening tomorrow. */
    record Scheduled(String location, String film, String screening, LocalDate day) {}

    private Scheduled scheduleAScreening(String admin) {
        String location = created(commands.post("/api/admin/locations", Map.of("name", "Lyon"), admin));
        String cinema = created(commands.post(
                "/api/admin/cinemas",
                Map.of(
                        "locationId",
                        location,
                        "name",
                        "Cinéma Lumière",
                        "timeZone",
                        "Europe/Paris",
                        "address",
                        Map.of(
                                "street",
                                "25 Rue du Premier Film",
                                "city",
                                "Lyon",
                                "postalCode",
                                "69008",
                                "country",
                                "FR")),
                admin));
        String screen = created(commands.post(
                "/api/admin/screens",
                Map.of(
                        "cinemaId",
                        cinema,
                        "name",
                        "Salle 1",
                        "format",
                        "TWO_D",
                        "layout",
                        Map.of(
                                "rows",
                                List.of(
                                        Map.of(
                                                "label",
                                                "A",
                                                "cells",
                                                List.of(
                                                        seat("1", "WHEELCHAIR"),
                                                        Map.of("kind", "GAP"),
                                                        seat("2", "STANDARD"),
                                                        seat("3", "STANDARD"))),
                                        Map.of(
                                                "label",
                                                "B",
                                                "cells",
                                                List.of(seat("1", "PREMIUM"), seat("2", "PREMIUM")))))),
                admin));
        String film = created(commands.post(
                "/api/admin/films",
                Map.of(
                        "title",
                        "La Sortie de l'usine",
                        "runtimeMinutes",
                        92,
                        "ageRating",
                        "G",
                        "genres",
                        List.of("DOCUMENTARY"),
                        "releaseDate",
                        LocalDate.now().minusDays(1).toString()),
                admin));
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1);
        String startsAt = tomorrow.atTime(20, 15)
                .atZone(ZoneId.of("Europe/Paris"))
                .toInstant()
                .toString();
        String screening = created(commands.post(
                "/api/admin/screenings",
                Map.of(
                        "filmId",
                        film,
                        "screenId",
                        screen,
                        "startsAt",
                        startsAt,
                        "prices",
                        Map.of(
                                "STANDARD", Map.of("amountMinor", 950, "currency", "EUR"),
                                "PREMIUM", Map.of("amountMinor", 1400, "currency", "EUR"),
                                "WHEELCHAIR", Map.of("amountMinor", 950, "currency", "EUR"))),
                admin));
        return new Scheduled(location, film, screening, tomorrow);
    }

    @Test
    void aRevokedRoleRefusesTheTokensIssuedBeforeItInBothAppsAndAFreshLoginHasTheNewRoles() {
        String admin = token(ADMIN_EMAIL, ADMIN_PASSWORD);
        String analystEmail = "analyst-" + UUID.randomUUID() + "@example.org";
        String analystId = register(analystEmail, "Counting-2-tickets");
        assertThat(commands.post("/api/accounts/" + analystId + "/roles", Map.of("role", "ANALYST"), admin)
                        .status())
                .isEqualTo(204);
        String analyst = token(analystEmail, "Counting-2-tickets");
        String bystander = bystander();
        for (JsonHttp side : List.of(commands, queries)) {
            assertThat(side.get("/api/ops/processors", analyst).status()).isEqualTo(200);
        }

        assertThat(commands.delete("/api/accounts/" + analystId + "/roles/ANALYST", admin)
                        .status())
                .isEqualTo(204);

        // Both apps refuse the token issued with the role, for any request, within the bounded
        // time a process may remember a version (one second by default).
        awaitRevoked(analyst);
        assertThat(queries.get("/api/ops/processors", analyst).status()).isEqualTo(401);
        // Unaffected: the bystander's token, and the admin's, whose account did not change.
        assertAccepted(bystander);
        assertAccepted(admin);
        // A fresh login works and carries the roles as they are now.
        String again = token(analystEmail, "Counting-2-tickets");
        assertThat(queries.get("/api/me", again).body().get("roles").toString()).isEqualTo("[\"CUSTOMER\"]");
        assertThat(commands.get("/api/ops/processors", again).status()).isEqualTo(403);
        assertThat(queries.get("/api/ops/processors", again).status()).isEqualTo(403);
    }

    @Test
    void aPasswordChangeRefusesEveryTokenIssuedBeforeItInBothAppsAndAnswersAFreshOne() {
        String email = "changer-" + UUID.randomUUID() + "@example.org";
        register(email, "Old-password-2026");
        String first = token(email, "Old-password-2026");
        String second = token(email, "Old-password-2026");
        String bystander = bystander();

        Response wrong = commands.post(
                "/api/me/password",
                Map.of("currentPassword", "Not-the-password-1", "newPassword", "New-password-2027"),
                first);
        assertThat(wrong.status()).as(wrong.raw()).isEqualTo(403);
        assertThat(wrong.text("code")).isEqualTo("current-password-wrong");
        Response weak = commands.post(
                "/api/me/password", Map.of("currentPassword", "Old-password-2026", "newPassword", "short"), first);
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.errorFields()).containsExactly("newPassword");
        // Refusals change nothing: the token still works.
        assertAccepted(first);

        Response changed = commands.post(
                "/api/me/password",
                Map.of("currentPassword", "Old-password-2026", "newPassword", "New-password-2027"),
                first);
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        String fresh = changed.text("accessToken");

        awaitRevoked(first);
        awaitRevoked(second);
        assertAccepted(fresh);
        assertAccepted(bystander);
        Response oldLogin =
                commands.post("/api/auth/login", Map.of("email", email, "password", "Old-password-2026"), null);
        assertThat(oldLogin.status()).isEqualTo(401);
        assertAccepted(token(email, "New-password-2027"));
    }

    /** Refused by both apps as revoked: a 401 problem that says so, not a generic invalid token. */
    private void awaitRevoked(String token) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    for (Response answer : List.of(
                            queries.get("/api/me", token), commands.post("/api/me/password", Map.of(), token))) {
                        assertThat(answer.status()).as(answer.raw()).isEqualTo(401);
                        assertThat(answer.isProblem()).isTrue();
                        assertThat(answer.text("code")).isEqualTo("token-revoked");
                        assertThat(answer.text("type")).endsWith("/token-revoked");
                        assertThat(answer.header("WWW-Authenticate")).contains("invalid_token");
                    }
                });
    }

    /** Accepted by both apps: the query side answers who it is, the command side gets to the body (400). */
    private void assertAccepted(String token) {
        assertThat(queries.get("/api/me", token).status()).isEqualTo(200);
        Response command = commands.post("/api/me/password", Map.of(), token);
        assertThat(command.status()).as(command.raw()).isEqualTo(400);
    }

    private String bystander() {
        String email = "bystander-" + UUID.randomUUID() + "@example.org";
        register(email, "Bystanding-2-tickets");
        return token(email, "Bystanding-2-tickets");
    }

    /** Registers a customer; answers the account id. */
    private String register(String email, String password) {
        Response registered = commands.post(
                "/api/accounts", Map.of("email", email, "password", password, "displayName", "Some One"), null);
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        return registered.text("accountId");
    }

    private String token(String email, String password) {
        Response login = commands.post("/api/auth/login", Map.of("email", email, "password", password), null);
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        return login.text("accessToken");
    }

    private static Map<String, Object> seat(String number, String type) {
        return Map.of("kind", "SEAT", "number", number, "type", type);
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.text("id");
    }
}
