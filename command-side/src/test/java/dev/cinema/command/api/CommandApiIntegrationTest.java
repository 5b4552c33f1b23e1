package dev.cinema.command.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.command.CommandSideApplication;
import dev.cinema.platform.observability.RequestCorrelation;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.JsonHttp.Response;
import dev.cinema.platform.testsupport.TestKeys;
import dev.cinema.platform.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The command API over real HTTP, against the app's real storage. Runs twice: on H2
 * ({@link CommandApiH2Test}) and on PostgreSQL ({@link CommandApiPostgresTest}).
 */
@SpringBootTest(
        classes = CommandSideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            CommandSideApplication.CONFIG_NAME,
            "cinema.bootstrap.admin.email=" + CommandApiIntegrationTest.ADMIN_EMAIL,
            "cinema.bootstrap.admin.password=" + CommandApiIntegrationTest.ADMIN_PASSWORD
        })
@ContextConfiguration(initializers = TestKeys.class)
// Spring Boot's tests switch metrics export (the Prometheus endpoint) off unless asked.
@AutoConfigureObservability(tracing = false)
abstract class CommandApiIntegrationTest {

    static final String ADMIN_EMAIL = "root@cinema.test";
    static final String ADMIN_PASSWORD = "root-pass-2026";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    JsonHttp http;

    @BeforeEach
    void connect() {
        http = JsonHttp.localhost(port);
    }

    // ---------------------------------------------------------------- accounts and tokens

    @Test
    void aCustomerRegistersAndLogsInToATokenWithTheCustomerRole() {
        String email = uniqueEmail();
        Response registered = register(email, "Sunday-matinee-7");
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.text("roles/0")).isEqualTo("CUSTOMER");

        Response login = http.post(
                "/api/auth/login", Map.of("email", email.toUpperCase(), "password", "Sunday-matinee-7"), null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text("tokenType")).isEqualTo("Bearer");
        assertThat(login.text("accountId")).isEqualTo(registered.text("accountId"));
        assertThat(login.body().get("roles"))
                .extracting(Object::toString)
                .asString()
                .contains("CUSTOMER")
                .doesNotContain("ADMIN");
    }

    @Test
    void registeringAnEmailTwiceIsAConflictWhateverItsCase() {
        String email = uniqueEmail();
        assertThat(register(email, "Sunday-matinee-7").status()).isEqualTo(201);
        Response again = register(email.toUpperCase(), "Another-pass-8");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(again.errorFields()).containsExactly("email");
    }

    @Test
    void weakPasswordsAreRefusedNamingThePasswordField() {
        for (String weak : List.of("short1", "no-digits-at-all", "1234567890123")) {
            Response response = register(uniqueEmail(), weak);
            assertThat(response.status()).as(weak).isEqualTo(400);
            assertThat(response.errorFields()).as(weak).containsExactly("password");
        }
    }

    @Test
    void aWrongPasswordOrUnknownEmailIsUnauthorisedWithoutSayingWhich() {
        String email = uniqueEmail();
        register(email, "Sunday-matinee-7");
        Response wrongPassword = http.post("/api/auth/login", Map.of("email", email, "password", "Monday-9999"), null);
        Response unknownEmail =
                http.post("/api/auth/login", Map.of("email", uniqueEmail(), "password", "Monday-9999"), null);
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.text("detail")).isEqualTo(unknownEmail.text("detail"));
    }

    @Test
    void anUnknownEmailIsAnsweredAndLockedOutExactlyLikeAWrongPassword() {
        String email = uniqueEmail();
        register(email, "Sunday-matinee-7");
        String unknown = uniqueEmail();
        Response wrongPassword = http.post("/api/auth/login", Map.of("email", email, "password", "Monday-9999"), null);
        Response unknownEmail = http.post("/api/auth/login", Map.of("email", unknown, "password", "Monday-9999"), null);
        assertSameAnswer(wrongPassword, unknownEmail);
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.text("code")).isEqualTo("bad-credentials");

        // The default limit: 5 attempts per e-mail in 15 minutes, for an e-mail nobody has as well.
        for (int i = 0; i < 4; i++) {
            assertThat(http.post("/api/auth/login", Map.of("email", email, "password", "Monday-9999"), null)
                            .status())
                    .isEqualTo(401);
            assertThat(http.post("/api/auth/login", Map.of("email", unknown, "password", "Monday-9999"), null)
                            .status())
                    .isEqualTo(401);
        }
        Response lockedAccount =
                http.post("/api/auth/login", Map.of("email", email, "password", "Sunday-matinee-7"), null);
        Response lockedUnknown =
                http.post("/api/auth/login", Map.of("email", unknown, "password", "Sunday-matinee-7"), null);

        assertThat(lockedAccount.status()).as(lockedAccount.raw()).isEqualTo(429);
        assertThat(lockedAccount.isProblem()).isTrue();
        assertThat(lockedAccount.text("code")).isEqualTo("login-throttled");
        long retryAfter = Long.parseLong(lockedAccount.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 900L);
        assertThat(lockedAccount.text("retryAfterSeconds")).isEqualTo(Long.toString(retryAfter));
        assertThat(lockedUnknown.status()).isEqualTo(429);
        assertThat(lockedUnknown.text("code")).isEqualTo("login-throttled");
        assertThat(lockedUnknown.headers().map().keySet())
                .isEqualTo(lockedAccount.headers().map().keySet());
    }

    /** Everything but the date and the correlation id (one per request): status, headers and body. */
    private static void assertSameAnswer(Response one, Response other) {
        assertThat(other.status()).isEqualTo(one.status());
        assertThat(other.raw()).isEqualTo(one.raw());
        Map<String, List<String>> oneHeaders =
                new java.util.TreeMap<>(one.headers().map());
        Map<String, List<String>> otherHeaders =
                new java.util.TreeMap<>(other.headers().map());
        oneHeaders.remove("date");
        otherHeaders.remove("date");
        oneHeaders.remove("x-correlation-id");
        otherHeaders.remove("x-correlation-id");
        assertThat(otherHeaders).isEqualTo(oneHeaders);
    }

    @Test
    void answersCarryTheSecurityHeadersAndNoOriginIsAllowedByDefault() {
        Response login = http.postWithHeaders(
                "/api/auth/login",
                Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD),
                null,
                Map.of("Origin", "https://tickets.cinema.test"));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(login.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(login.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(login.header("Content-Security-Policy")).startsWith("default-src 'none';");
        assertThat(login.header("Strict-Transport-Security")).isNull();
        assertThat(login.header("Access-Control-Allow-Origin")).isNull();

        Response preflight = http.request(
                "OPTIONS",
                "/api/auth/login",
                Map.of("Origin", "https://tickets.cinema.test", "Access-Control-Request-Method", "POST"));
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Methods")).isNull();
    }

    @Test
    void theBrowserAppsPagesArePublicWithTheirOwnPolicyNamingTheQueryApi() {
        Response page = http.request("GET", "/app/", Map.of());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.raw()).contains("<script type=\"module\" src=\"js/app.js\">");
        // Own scripts and styles only, and calls to this origin and the query API's.
        assertThat(page.header("Content-Security-Policy"))
                .isEqualTo("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        + "connect-src 'self' http://localhost:8081; manifest-src 'self'; frame-ancestors 'none'; "
                        + "base-uri 'self'; form-action 'self'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");

        Response script = http.request("GET", "/app/js/core/api.js", Map.of());
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
        Response config = http.request("GET", "/app/config.json", Map.of());
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.text("queryApi")).isEqualTo("http://localhost:8081");

        // The API keeps its own policy, and its doors their tokens.
        Response api = http.request("GET", "/api/ops/processors", Map.of());
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.header("Content-Security-Policy")).startsWith("default-src 'none'; frame-ancestors");
        assertThat(http.request("POST", "/app/config.json", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void theStoredPasswordIsABcryptHashAndNoEventMentionsIt() {
        String email = uniqueEmail();
        register(email, "Sunday-matinee-7");
        String hash = jdbc.queryForObject(
                "select password_hash from account_credential where email = ?", String.class, email);
        assertThat(hash).startsWith("$2").doesNotContain("Sunday-matinee-7");
        List<String> payloads = jdbc.query(
                "select payload from domain_event_entry",
                (row, i) -> new String(row.getBytes(1), StandardCharsets.UTF_8));
        assertThat(payloads).anySatisfy(payload -> assertThat(payload).contains(email));
        assertThat(payloads).noneSatisfy(payload -> assertThat(payload).contains(hash));
        assertThat(payloads).noneSatisfy(payload -> assertThat(payload).containsIgnoringCase("password"));
    }

    @Test
    void anAdminGrantsARoleThatTheNextLoginCarries() {
        String email = uniqueEmail();
        String accountId = register(email, "Sunday-matinee-7").text("accountId");
        assertThat(http.post("/api/accounts/" + accountId + "/roles", Map.of("role", "ANALYST"), adminToken())
                        .status())
                .isEqualTo(204);
        Response login = http.post("/api/auth/login", Map.of("email", email, "password", "Sunday-matinee-7"), null);
        assertThat(login.body().get("roles").toString()).contains("ANALYST", "CUSTOMER");

        assertThat(http.delete("/api/accounts/" + accountId + "/roles/CUSTOMER", adminToken())
                        .status())
                .isEqualTo(422);
        assertThat(http.post("/api/accounts/" + UUID.randomUUID() + "/roles", Map.of("role", "ADMIN"), adminToken())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void adminEndpointsNeedATokenAndTheAdminRole() {
        Map<String, String> location = Map.of("name", "Nowhere");
        Response anonymous = http.post("/api/admin/locations", location, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();

        String customer = login(registerFresh());
        Response forbidden = http.post("/api/admin/locations", location, customer);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.isProblem()).isTrue();

        String accountId = registerFresh();
        assertThat(http.post("/api/accounts/" + accountId + "/roles", Map.of("role", "ADMIN"), customer)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void missingExpiredTamperedOrWronglySignedTokensAreUnauthorised() {
        String customer = TestTokens.customer();
        Map<String, String> tokens = Map.of(
                "expired", TestTokens.expired("ADMIN"),
                "tampered", TestTokens.tampered(customer),
                "other key", TestTokens.signedByAnotherKey("ADMIN"),
                "HS256 with the public key", TestTokens.hs256WithPublicKey("ADMIN"),
                "alg none", TestTokens.unsigned("ADMIN"),
                "other issuer", TestTokens.otherIssuer("ADMIN"),
                "no expiry", TestTokens.withoutExpiry("ADMIN"),
                "garbage", "not-a-token");
        tokens.forEach((kind, token) -> {
            Response response = http.post("/api/admin/locations", Map.of("name", "Forged"), token);
            assertThat(response.status()).as(kind).isEqualTo(401);
            assertThat(response.isProblem()).as(kind).isTrue();
        });
        // The same request with a genuine admin token goes through: the refusals above were the token's fault.
        assertThat(http.post(
                                "/api/admin/locations",
                                Map.of("name", "Genuine"),
                                TestTokens.valid(UUID.randomUUID().toString(), "ADMIN"))
                        .status())
                .isEqualTo(201);
    }

    // ---------------------------------------------------------------- catalogue

    @Test
    void anAdminBuildsTheCatalogueAndSchedulesAScreening() {
        String admin = adminToken();
        Catalogue catalogue = catalogue(admin);
        Response screening = schedule(admin, catalogue, Instant.now().plus(2, ChronoUnit.DAYS));
        assertThat(screening.status()).isEqualTo(201);
        assertThat(screening.text("id")).isNotBlank();

        String payload = lastPayloadOf("ScreeningScheduledEvent");
        assertThat(payload)
                .contains(
                        catalogue.filmId(),
                        catalogue.screenId(),
                        catalogue.cinemaId(),
                        "\"label\":\"A\"",
                        "WHEELCHAIR");
    }

    @Test
    void everyChangeRecordsWhoSentIt() {
        String adminId = UUID.randomUUID().toString();
        Response created =
                http.post("/api/admin/locations", Map.of("name", "Brighton"), TestTokens.valid(adminId, "ADMIN"));
        String metaData = jdbc.queryForObject(
                "select meta_data from domain_event_entry where aggregate_identifier = ?",
                (row, i) -> new String(row.getBytes(1), StandardCharsets.UTF_8),
                created.text("id"));
        assertThat(metaData).contains("sentBy").contains(adminId);
    }

    // ---------------------------------------------------------------- observability (issue 12)

    @Test
    void theCorrelationIdOfARequestIsAnsweredAndRecordedOnItsEvents() {
        String admin = TestTokens.valid(UUID.randomUUID().toString(), "ADMIN");
        Response created = http.postWithHeaders(
                "/api/admin/locations",
                Map.of("name", "Hove"),
                admin,
                Map.of(RequestCorrelation.HEADER, "support-call-4711"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header(RequestCorrelation.HEADER)).isEqualTo("support-call-4711");
        String metaData = jdbc.queryForObject(
                "select meta_data from domain_event_entry where aggregate_identifier = ?",
                (row, i) -> new String(row.getBytes(1), StandardCharsets.UTF_8),
                created.text("id"));
        assertThat(metaData).contains("\"requestId\":\"support-call-4711\"");

        // Absent or malformed (a forged log line, too long): a fresh UUID is answered instead.
        for (Map<String, String> headers : List.of(
                Map.<String, String>of(),
                Map.of(RequestCorrelation.HEADER, "a b"),
                Map.of(RequestCorrelation.HEADER, "x".repeat(65)))) {
            Response answered = http.request("GET", "/api/ops/processors", headers);
            assertThat(answered.status()).isEqualTo(401);
            assertThat(UUID.fromString(answered.header(RequestCorrelation.HEADER)))
                    .isNotNull();
        }
    }

    @Test
    void prometheusNeedsAnAnalystOrAdminAndCountsCommandsRefusalsAndThePool() {
        String admin = TestTokens.valid(UUID.randomUUID().toString(), "ADMIN");
        assertThat(http.post("/api/admin/locations", Map.of("name", "Worthing"), admin)
                        .status())
                .isEqualTo(201);
        // Refused by the command's handler: no such location.
        Map<String, Object> cinema = Map.of(
                "locationId",
                UUID.randomUUID().toString(),
                "name",
                "Nowhere Odeon",
                "timeZone",
                "Europe/London",
                "address",
                Map.of("street", "1 Nowhere Lane", "city", "Nowhere", "postalCode", "BN1 1AA", "country", "GB"));
        assertThat(http.post("/api/admin/cinemas", cinema, admin).status()).isBetween(400, 499);

        assertThat(scrape(null).status()).isEqualTo(401);
        assertThat(scrape(TestTokens.customer()).status()).isEqualTo(403);
        assertThat(scrape(TestTokens.valid(UUID.randomUUID().toString(), "AUDITOR"))
                        .status())
                .isEqualTo(403);
        Response metrics = scrape(TestTokens.valid(UUID.randomUUID().toString(), "ANALYST"));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw())
                .contains("commandBus_allTimer_seconds_count{")
                .contains("payloadType=\"CreateLocationCommand\"")
                .contains("cinema_commands_refused_total{")
                .contains("code=\"unknown-location\",command=\"CreateCinemaCommand\"")
                .contains("cinema_holds_placed_total")
                .contains("cinema_bookings_confirmed_total")
                .contains("cinema_processor_lag{")
                .contains("processor=\"command-screening-cancellation\"")
                .contains("cinema_processor_dead_letters{")
                .contains("eventProcessor_")
                .contains("hikaricp_connections_active")
                .contains("jvm_memory_used_bytes")
                .contains("application=\"command-side\"");
        assertThat(scrape(TestTokens.valid(UUID.randomUUID().toString(), "ADMIN"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void livenessAndReadinessArePublicAndOnlyAnAnalystSeesWhatReadinessIsMadeOf() {
        Response liveness = http.get("/actuator/health/liveness", null);
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.text("status")).isEqualTo("UP");
        Response anonymous = http.get("/actuator/health/readiness", null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.text("status")).isEqualTo("UP");
        assertThat(anonymous.body().has("components")).isFalse();
        assertThat(http.get("/actuator/health/readiness", TestTokens.customer())
                        .body()
                        .has("components"))
                .isFalse();

        Response detailed = http.get(
                "/actuator/health/readiness", TestTokens.valid(UUID.randomUUID().toString(), "ANALYST"));
        assertThat(detailed.text("components/db/status")).isEqualTo("UP");
        assertThat(detailed.text("components/readinessState/status")).isEqualTo("UP");
        assertThat(detailed.text("components/eventProcessors/status")).isEqualTo("UP");
        assertThat(detailed.text("components/eventProcessors/details/processors/command-booking-policy"))
                .isEqualTo("running");
        assertThat(detailed.text("components/eventProcessors/details/processors/command-business-metrics"))
                .isEqualTo("running");
        // A tracking policy stuck on an event must not take the command API out of service.
        assertThat(detailed.text("components/eventProcessors/details/processors/command-alert-policy"))
                .isEqualTo("running (not needed)");
    }

    private Response scrape(String token) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("Accept", "text/plain"));
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return http.request("GET", "/actuator/prometheus", headers);
    }

    @Test
    void overlappingScreeningsOnOneScreenAreRefusedCountingRuntimeAndCleaning() {
        String admin = adminToken();
        Catalogue catalogue = catalogue(admin); // film runtime 100 minutes, cleaning gap 20 minutes
        Instant first = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        assertThat(schedule(admin, catalogue, first).status()).isEqualTo(201);

        Response overlapping = schedule(admin, catalogue, first.plus(110, ChronoUnit.MINUTES));
        assertThat(overlapping.status()).isEqualTo(409);
        assertThat(overlapping.text("code")).isEqualTo("screening-overlap");
        assertThat(overlapping.errorFields()).containsExactly("startsAt");

        Response before = schedule(admin, catalogue, first.minus(119, ChronoUnit.MINUTES));
        assertThat(before.status()).isEqualTo(409);

        assertThat(schedule(admin, catalogue, first.plus(120, ChronoUnit.MINUTES))
                        .status())
                .isEqualTo(201);
        assertThat(schedule(admin, catalogue, first.minus(120, ChronoUnit.MINUTES))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aCancelledScreeningFreesItsSlotAndCannotBeRepriced() {
        String admin = adminToken();
        Catalogue catalogue = catalogue(admin);
        Instant start = Instant.now().plus(4, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String screeningId = schedule(admin, catalogue, start).text("id");
        assertThat(http.post(
                                "/api/admin/screenings/" + screeningId + "/cancel",
                                Map.of("reason", "Projector fault"),
                                admin)
                        .status())
                .isEqualTo(204);
        Response reprice =
                http.put("/api/admin/screenings/" + screeningId + "/prices", Map.of("prices", prices(900)), admin);
        assertThat(reprice.status()).isEqualTo(409);
        assertThat(reprice.text("code")).isEqualTo("screening-cancelled");
        assertThat(schedule(admin, catalogue, start).status()).isEqualTo(201);
    }

    @Test
    void reschedulingKeepsTheRuntimeAndRespectsOtherScreenings() {
        String admin = adminToken();
        Catalogue catalogue = catalogue(admin);
        Instant start = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String first = schedule(admin, catalogue, start).text("id");
        schedule(admin, catalogue, start.plus(4, ChronoUnit.HOURS));

        Response clash = http.post(
                "/api/admin/screenings/" + first + "/reschedule",
                Map.of("startsAt", start.plus(3, ChronoUnit.HOURS).toString()),
                admin);
        assertThat(clash.status()).isEqualTo(409);
        Response moved = http.post(
                "/api/admin/screenings/" + first + "/reschedule",
                Map.of("startsAt", start.plus(1, ChronoUnit.HOURS).toString()),
                admin);
        assertThat(moved.status()).isEqualTo(204);
        assertThat(lastPayloadOf("ScreeningRescheduledEvent"))
                .contains(start.plus(1, ChronoUnit.HOURS)
                        .plus(100, ChronoUnit.MINUTES)
                        .toString());
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void badInputIsAProblemThatNamesTheFieldAndPersistsNothing() {
        String admin = adminToken();
        Catalogue catalogue = catalogue(admin);
        long eventsBefore = eventCount();

        assertField(http.post("/api/admin/locations", Map.of(), admin), 400, "name");
        assertField(http.post("/api/admin/locations", Map.of("name", "x".repeat(101)), admin), 400, "name");
        assertField(
                http.post("/api/admin/films", film(Map.of("runtimeMinutes", "long")), admin), 400, "runtimeMinutes");
        assertField(
                http.post("/api/admin/films", film(Map.of("runtimeMinutes", 100000)), admin), 400, "runtimeMinutes");
        assertField(http.post("/api/admin/films", film(Map.of("runtimeMinutes", -5)), admin), 400, "runtimeMinutes");
        assertField(http.post("/api/admin/films", film(Map.of("ageRating", "XXX")), admin), 400, "ageRating");
        assertField(http.post("/api/admin/films", film(Map.of("releaseDate", "yesterday")), admin), 400, "releaseDate");
        assertField(http.post("/api/admin/cinemas", cinema(UUID.randomUUID().toString()), admin), 422, "locationId");
        Map<String, Object> badZone = new java.util.HashMap<>(cinema(catalogue.locationId()));
        badZone.put("timeZone", "Mars/Olympus");
        assertField(http.post("/api/admin/cinemas", badZone, admin), 400, "timeZone");
        assertField(
                http.post(
                        "/api/admin/screens",
                        screen(catalogue.cinemaId(), List.of(row("A", seat("1"), seat("1")))),
                        admin),
                400,
                "layout.rows[0].cells[1].number");
        assertField(
                http.post(
                        "/api/admin/screenings",
                        Map.of(
                                "filmId",
                                catalogue.filmId(),
                                "screenId",
                                catalogue.screenId(),
                                "startsAt",
                                Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                                "prices",
                                prices(-100)),
                        admin),
                400,
                "prices[STANDARD].amountMinor");
        assertField(
                http.post(
                        "/api/admin/screenings",
                        Map.of(
                                "filmId",
                                catalogue.filmId(),
                                "screenId",
                                catalogue.screenId(),
                                "startsAt",
                                Instant.now().minus(1, ChronoUnit.DAYS).toString(),
                                "prices",
                                prices(1000)),
                        admin),
                422,
                "startsAt");
        assertField(
                http.post(
                        "/api/admin/screenings",
                        Map.of(
                                "filmId",
                                catalogue.filmId(),
                                "screenId",
                                catalogue.screenId(),
                                "startsAt",
                                Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                                "prices",
                                Map.of("STANDARD", Map.of("amountMinor", 1000, "currency", "GBP")),
                                "onSale",
                                true),
                        admin),
                400,
                "prices.WHEELCHAIR");

        Response malformed = http.postRaw("/api/admin/locations", "{\"name\": ", admin);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
        assertThat(malformed.raw()).doesNotContain("Exception", "at com.", "at org.");

        Response oversized = http.post("/api/admin/locations", Map.of("name", "x".repeat(2_000_000)), admin);
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(oversized.isProblem()).isTrue();
        Response oversizedChunked =
                http.postChunked("/api/accounts", "{\"email\":\"" + "x".repeat(2_000_000) + "@example.org\"}", null);
        assertThat(oversizedChunked.status()).isEqualTo(413);
        assertThat(oversizedChunked.isProblem()).isTrue();

        assertThat(http.put("/api/admin/films/" + UUID.randomUUID(), film(Map.of()), admin)
                        .status())
                .isEqualTo(404);
        assertThat(http.delete("/api/admin/cinemas/" + catalogue.filmId(), admin)
                        .status())
                .isEqualTo(404);

        assertThat(eventCount()).as("events stored by rejected requests").isEqualTo(eventsBefore);
    }

    @Test
    void lookupFailuresRollTheCommandBackInsteadOfBeingLogged() {
        for (String group : List.of("command-catalogue-lookup", "command-account-lookup")) {
            assertThat(processing.listenerInvocationErrorHandler(group))
                    .as(group)
                    .isInstanceOf(PropagatingErrorHandler.class);
        }
    }

    // ---------------------------------------------------------------- helpers

    record Catalogue(String locationId, String cinemaId, String screenId, String filmId) {}

    Catalogue catalogue(String admin) {
        String location = created(http.post("/api/admin/locations", Map.of("name", "Leeds"), admin));
        String cinema = created(http.post("/api/admin/cinemas", cinema(location), admin));
        String screen = created(http.post(
                "/api/admin/screens",
                screen(
                        cinema,
                        List.of(
                                row(
                                        "A",
                                        Map.of("kind", "SEAT", "number", "1", "type", "WHEELCHAIR"),
                                        seat("2"),
                                        Map.of("kind", "GAP"),
                                        seat("3")),
                                row("B", seat("1"), seat("2"), seat("3")))),
                admin));
        String film = created(http.post("/api/admin/films", film(Map.of()), admin));
        return new Catalogue(location, cinema, screen, film);
    }

    Response schedule(String admin, Catalogue catalogue, Instant startsAt) {
        return http.post(
                "/api/admin/screenings",
                Map.of(
                        "filmId",
                        catalogue.filmId(),
                        "screenId",
                        catalogue.screenId(),
                        "startsAt",
                        startsAt.toString(),
                        "prices",
                        prices(1150)),
                admin);
    }

    static Map<String, Object> prices(long amount) {
        return Map.of(
                "STANDARD",
                Map.of("amountMinor", amount, "currency", "GBP"),
                "WHEELCHAIR",
                Map.of("amountMinor", amount, "currency", "GBP"));
    }

    static Map<String, Object> cinema(String locationId) {
        return Map.of(
                "locationId",
                locationId,
                "name",
                "Hyde Park Picture House",
                "address",
                Map.of("street", "73 Brudenell Road", "city", "Leeds", "postalCode", "LS6 1JD", "country", "GB"),
                "timeZone",
                "Europe/London");
    }

    static Map<String, Object> screen(String cinemaId, List<Map<String, Object>> rows) {
        return Map.of("cinemaId", cinemaId, "name", "Screen 1", "format", "TWO_D", "layout", Map.of("rows", rows));
    }

    @SafeVarargs
    static Map<String, Object> row(String label, Map<String, Object>... cells) {
        return Map.of("label", label, "cells", List.of(cells));
    }

    static Map<String, Object> seat(String number) {
        return Map.of("kind", "SEAT", "number", number, "type", "STANDARD");
    }

    static Map<String, Object> film(Map<String, Object> overrides) {
        Map<String, Object> film = new java.util.HashMap<>(Map.of(
                "title",
                "The Test Pattern",
                "runtimeMinutes",
                100,
                "ageRating",
                "PG",
                "genres",
                List.of("DRAMA"),
                "releaseDate",
                "2026-01-15",
                "synopsis",
                "A calibration card comes to life."));
        film.putAll(overrides);
        return film;
    }

    void assertField(Response response, int status, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.raw()).isTrue();
        assertThat(response.errorFields()).as(response.raw()).contains(field);
    }

    String created(Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.text("id");
    }

    Response register(String email, String password) {
        return http.post(
                "/api/accounts", Map.of("email", email, "password", password, "displayName", "Test Person"), null);
    }

    String registerFresh() {
        return register(uniqueEmail(), "Sunday-matinee-7").text("accountId");
    }

    String login(String accountId) {
        String email = jdbc.queryForObject(
                "select email from account_credential where account_id = ?", String.class, accountId);
        return http.post("/api/auth/login", Map.of("email", email, "password", "Sunday-matinee-7"), null)
                .text("accessToken");
    }

    String adminToken() {
        Response login = http.post("/api/auth/login", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD), null);
        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        return login.text("accessToken");
    }

    long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    String lastPayloadOf(String eventType) {
        List<String> payloads = new ArrayList<>(jdbc.query(
                "select payload from domain_event_entry where payload_type like ? order by global_index desc",
                (row, i) -> new String(row.getBytes(1), StandardCharsets.UTF_8),
                "%." + eventType));
        assertThat(payloads).isNotEmpty();
        return payloads.get(0);
    }

    static String uniqueEmail() {
        return "person-" + UUID.randomUUID() + "@example.org";
    }
}
