package dev.cinema.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.contracts.catalogue.location.LocationCreatedEvent;
import dev.cinema.contracts.catalogue.location.LocationId;
import dev.cinema.platform.testsupport.TestTokens;
import dev.cinema.standalone.ValidatedApi.Answer;
import dev.cinema.standalone.ValidatedApi.Call;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The OpenAPI documents of both apps are a contract a client generator can trust. The standalone
 * system is started, both {@code /v3/api-docs} are fetched, and every operation of both apps is
 * driven over HTTP: valid requests and a few wrong ones (no token, wrong role, malformed, oversized
 * or non-JSON body, unknown id, business refusals where cheap). Every answer is checked by a real
 * OpenAPI validator (status documented for the operation, body valid against the schema of its
 * media type), every operation must have answered a success at least once (a new endpoint without
 * a case here fails), and the documents themselves must be fit for generators: no wildcard media
 * types, the bearer scheme declared and required exactly where a token is, errors always
 * problem+json, a Location on every 201, a valid example for every request body.
 * Runs on H2 and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OpenApiContractTest {

    static final String EUR = "EUR";
    static final int ROW_LENGTH = 8;

    StandaloneApplication.Running system;
    ValidatedApi commands;
    ValidatedApi queries;

    final String admin = TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER", "ADMIN");
    /** Every role: for probes that must get past security to reach the check under test. */
    final String superuser = TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER", "ADMIN", "AUDITOR", "ANALYST");

    final String auditor = TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER", "AUDITOR");
    final String analyst = TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER", "ANALYST");
    final String customerId = UUID.randomUUID().toString();
    final String customer = TestTokens.valid(customerId, "CUSTOMER");
    final String otherCustomer = TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER");

    abstract Map<String, Object> database();

    @BeforeAll
    void start() {
        Map<String, Object> properties = new HashMap<>(database());
        properties.putAll(TestTokens.keyProperties());
        properties.put("server.port", "0");
        properties.put("cinema.payments.simulated.latency", "PT0S");
        properties.put("cinema.payments.simulated.decline-rate", "0");
        system = StandaloneApplication.start(properties, false);
        commands = ValidatedApi.load("command API", system.commandPort());
        queries = ValidatedApi.load("query API", system.queryPort());
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.stop();
        }
    }

    // ---------------------------------------------------------------- the documents

    @Test
    void theDocumentsAreFitForClientGenerators() {
        List<String> faults = new ArrayList<>();
        for (ValidatedApi api : List.of(commands, queries)) {
            JsonNode document = api.document;
            if (!document.path("openapi").asText().startsWith("3.0")) {
                faults.add(api.name + ": OpenAPI " + document.path("openapi").asText() + ", expected 3.0.x");
            }
            JsonNode bearer = document.at("/components/securitySchemes/bearer-jwt");
            if (!bearer.path("type").asText().equals("http")
                    || !bearer.path("scheme").asText().equals("bearer")
                    || !bearer.path("bearerFormat").asText().equals("JWT")) {
                faults.add(api.name + ": no HTTP bearer (JWT) security scheme named bearer-jwt: " + bearer);
            }
            if (document.has("security") && !document.get("security").isEmpty()) {
                faults.add(api.name + ": a document-wide security requirement; each operation must say its own");
            }
            for (String operation : api.operations()) {
                faults.addAll(faults(api, operation, api.operation(operation)));
            }
        }
        assertThat(faults).as("faults of the OpenAPI documents").isEmpty();
    }

    private List<String> faults(ValidatedApi api, String operation, JsonNode spec) {
        List<String> faults = new ArrayList<>();
        String at = api.name + ": " + operation + ": ";
        boolean secured = isSecured(spec);
        if (secured != !isPublic(operation)) {
            faults.add(at + (secured ? "requires a token but is public" : "needs a token but requires none"));
        }
        if (secured && !spec.at("/security/0").has("bearer-jwt")) {
            faults.add(at + "security is not the bearer scheme: " + spec.get("security"));
        }
        if (secured && !spec.path("responses").has("401")) {
            faults.add(at + "needs a token but documents no 401");
        }
        if (!spec.at("/responses/503/headers/Retry-After/required").asBoolean()) {
            faults.add(at + "documents no 503 with Retry-After (database-unavailable)");
        }
        for (JsonNode content : spec.findValues("content")) {
            content.fieldNames().forEachRemaining(type -> {
                if (!Set.of(
                                "application/json",
                                "application/problem+json",
                                "text/event-stream",
                                "application/x-ndjson",
                                "text/csv")
                        .contains(type)) {
                    faults.add(at + "media type " + type);
                }
            });
        }
        spec.path("responses").fields().forEachRemaining(response -> {
            int status = Integer.parseInt(response.getKey());
            Set<String> types = new TreeSet<>();
            response.getValue().path("content").fieldNames().forEachRemaining(types::add);
            if (status >= 400 && !types.equals(Set.of("application/problem+json"))) {
                faults.add(at + status + " is not only application/problem+json: " + types);
            }
            if (status < 400 && types.contains("application/problem+json")) {
                faults.add(at + status + " is a success documented as a problem");
            }
            if (status == 201
                    && !response.getValue().at("/headers/Location/required").asBoolean()) {
                faults.add(at + "201 without a required Location header");
            }
        });
        if (!spec.path("responses").fieldNames().hasNext()) {
            faults.add(at + "no responses");
        }
        JsonNode body = spec.at("/requestBody/content/application~1json");
        if (!body.isMissingNode()) {
            JsonNode example = body.get("example");
            if (example == null) {
                faults.add(at + "request body without an example");
            } else {
                api.validateExample(operation, example)
                        .forEach(message -> faults.add(at + "the example request body is not valid: " + message));
            }
        }
        return faults;
    }

    /**
     * The operations open to anyone: registration, login, the key set and the listings (seat maps
     * included). API docs and health are public too but are not operations of the documents.
     */
    private static boolean isPublic(String operation) {
        return Set.of("POST /api/accounts", "POST /api/auth/login", "GET /.well-known/jwks.json")
                        .contains(operation)
                || operation.matches("GET /api/(locations|cinemas|screens|films|screenings)(/.*)?");
    }

    private static boolean isSecured(JsonNode spec) {
        return spec.has("security") && !spec.get("security").isEmpty();
    }

    // ---------------------------------------------------------------- the answers

    @Test
    void everyOperationOfBothApisAnswersOnlyWhatItDocuments() {
        probeEveryOperation(commands);
        probeEveryOperation(queries);
        Scenario scenario = new Scenario();
        scenario.accountsAndTokens();
        scenario.catalogue();
        scenario.bookingsPaymentsAndRefunds();
        scenario.retirements();
        scenario.listings();
        scenario.seatMaps();
        scenario.signedIn();
        scenario.alerts();
        scenario.reviewsAndFavourites();
        scenario.audit();
        scenario.projections();
        scenario.analytics();
        scenario.operations();
        System.out.println(commands.summary() + queries.summary());

        List<String> violations = new ArrayList<>(commands.violations);
        violations.addAll(queries.violations);
        assertThat(violations)
                .as("answers the OpenAPI documents do not describe")
                .isEmpty();
        for (ValidatedApi api : List.of(commands, queries)) {
            Set<String> missing = new TreeSet<>(api.operations());
            missing.removeAll(api.succeeded());
            assertThat(missing)
                    .as(api.name + ": operations that never answered a success in this test (add a case)")
                    .isEmpty();
        }
    }

    /**
     * What every operation answers whatever it does, driven from the document itself: no token
     * (or an expired one on a public operation), a token without the role, a malformed, non-JSON
     * or oversized body, an unknown id in the path.
     */
    private void probeEveryOperation(ValidatedApi api) {
        String oversized = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        for (String operation : api.operations()) {
            JsonNode spec = api.operation(operation);
            Supplier<Call> probe = () -> probe(api, operation, spec);
            if (isSecured(spec)) {
                probe.get().wrong().expect(401);
            } else {
                probe.get().token(TestTokens.expired("CUSTOMER")).wrong().expect(401);
            }
            // A role refused: the 403s of business rules (a review by someone who has not seen
            // the film) are driven by the scenario, where the request can get past the ids.
            if (spec.at("/responses/403/description").asText().contains("roles do not allow")) {
                probe.get().token(TestTokens.customer()).wrong().expect(403);
            }
            if (spec.has("requestBody")) {
                probe.get().token(superuser).raw("{\"oops\":").wrong().expect(400);
                probe.get().token(superuser).raw("name=x", "text/plain").wrong().expect(415);
                probe.get().token(superuser).raw(oversized).wrong().expect(413);
            }
            if (operation.contains("{")) {
                probe.get().token(superuser).expect(404);
            }
        }
    }

    /** A request to the operation as documented: example body, required headers, unknown ids. */
    private static Call probe(ValidatedApi api, String operation, JsonNode spec) {
        String[] parts = operation.split(" ", 2);
        List<Object> ids = new ArrayList<>();
        Matcher variables = Pattern.compile("\\{([^}]+)}").matcher(parts[1]);
        while (variables.find()) {
            JsonNode schema = parameter(spec, variables.group(1)).path("schema");
            JsonNode enumeration = schema.path("enum");
            // An unknown id of the documented form: a UUID where the document says so (anything else is a 400).
            ids.add(
                    enumeration.isArray()
                            ? enumeration.get(0).asText()
                            : "uuid".equals(schema.path("format").asText())
                                    ? UUID.randomUUID().toString()
                                    : "no-such-" + UUID.randomUUID());
        }
        Call call = api.call(parts[0], parts[1], ids.toArray());
        for (JsonNode parameter : spec.path("parameters")) {
            if (parameter.path("in").asText().equals("header")
                    && parameter.path("required").asBoolean()) {
                call.header(parameter.get("name").asText(), "probe-" + UUID.randomUUID());
            }
        }
        JsonNode example = spec.at("/requestBody/content/application~1json/example");
        if (!example.isMissingNode()) {
            call.json(example);
        }
        if (spec.at("/responses/200/content").has("text/event-stream")) {
            call.accept("text/event-stream");
        }
        return call;
    }

    private static JsonNode parameter(JsonNode spec, String name) {
        for (JsonNode parameter : spec.path("parameters")) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** Valid requests and business refusals, operation by operation, in an order that builds the data. */
    private final class Scenario {

        String accountId;
        String location;
        String cinema;
        String screen;
        String film;
        /** Released in 2099: no screenings, no synopsis. */
        String comingSoon;
        /** On sale, three days ahead: holds, payments, refunds. */
        String screening;
        /** On sale, 40 minutes ahead: too late for a refund. */
        String soonScreening;
        /** Not on sale yet. */
        String laterScreening;

        String heldBooking;
        String paidBooking;
        String refundedBooking;
        String payment;
        String refund;

        /** A second screen, for a screening of the film that starts seconds after it is scheduled. */
        String reviewScreen;
        /** The customer paid for a seat of it as soon as it was scheduled: once it starts, they may review. */
        String reviewScreening;

        String retiredFilm;

        void accountsAndTokens() {
            String email = "contract-" + UUID.randomUUID() + "@example.org";
            Answer registered = commands.call("POST", "/api/accounts")
                    .json(Map.of("email", email, "password", "Contract-2026", "displayName", "Con Tract"))
                    .expect(201);
            accountId = registered.text("accountId");
            commands.call("POST", "/api/accounts")
                    .json(Map.of("email", email, "password", "Contract-2026", "displayName", "Again"))
                    .expect(409);
            commands.call("POST", "/api/accounts")
                    .json(Map.of("email", "weak@example.org", "password", "short", "displayName", "Weak"))
                    .expect(400);
            commands.call("POST", "/api/accounts")
                    .json(Map.of("email", "not-an-email", "password", "Contract-2026"))
                    .wrong()
                    .expect(400);

            Answer login = commands.call("POST", "/api/auth/login")
                    .json(Map.of("email", email, "password", "Contract-2026"))
                    .expect(200);
            assertThat(login.text("accessToken")).isNotBlank();
            commands.call("POST", "/api/auth/login")
                    .json(Map.of("email", email, "password", "Wrong-password-1"))
                    .expect(401);
            // Five attempts in a row not known to be right lock the e-mail: even the right password is a 429.
            for (int i = 0; i < 4; i++) {
                commands.call("POST", "/api/auth/login")
                        .json(Map.of("email", email, "password", "Wrong-password-1"))
                        .expect(401);
            }
            commands.call("POST", "/api/auth/login")
                    .json(Map.of("email", email, "password", "Contract-2026"))
                    .expect(429);
            commands.call("GET", "/.well-known/jwks.json").expect(200);

            String changer = "changer-" + UUID.randomUUID() + "@example.org";
            commands.call("POST", "/api/accounts")
                    .json(Map.of("email", changer, "password", "Before-2026", "displayName", "Chan Ger"))
                    .expect(201);
            String before = commands.call("POST", "/api/auth/login")
                    .json(Map.of("email", changer, "password", "Before-2026"))
                    .expect(200)
                    .text("accessToken");
            commands.call("POST", "/api/me/password")
                    .token(before)
                    .json(Map.of("currentPassword", "Wrong-password-1", "newPassword", "After-2027"))
                    .expect(403);
            commands.call("POST", "/api/me/password")
                    .token(before)
                    .json(Map.of("currentPassword", "Before-2026", "newPassword", "weak"))
                    .expect(400);
            // A token whose account does not exist (minted, not issued).
            commands.call("POST", "/api/me/password")
                    .token(customer)
                    .json(Map.of("currentPassword", "Before-2026", "newPassword", "After-2027"))
                    .expect(404);
            Answer changed = commands.call("POST", "/api/me/password")
                    .token(before)
                    .json(Map.of("currentPassword", "Before-2026", "newPassword", "After-2027"))
                    .expect(200);
            assertThat(changed.text("accessToken")).isNotBlank();
            // The token the change replaced is revoked in both apps: a documented 401.
            commands.call("POST", "/api/me/password")
                    .token(before)
                    .json(Map.of("currentPassword", "After-2027", "newPassword", "Again-2028"))
                    .expect(401);
            queries.call("GET", "/api/me").token(before).expect(401);

            commands.call("POST", "/api/accounts/{accountId}/roles", accountId)
                    .token(admin)
                    .json(Map.of("role", "ANALYST"))
                    .expect(204);
            commands.call("POST", "/api/accounts/{accountId}/roles", accountId)
                    .token(admin)
                    .json(Map.of("role", "EMPEROR"))
                    .wrong()
                    .expect(400);
            commands.call("DELETE", "/api/accounts/{accountId}/roles/{role}", accountId, "ANALYST")
                    .token(admin)
                    .expect(204);
            commands.call("DELETE", "/api/accounts/{accountId}/roles/{role}", accountId, "CUSTOMER")
                    .token(admin)
                    .expect(422);
            commands.call("DELETE", "/api/accounts/{accountId}/roles/{role}", accountId, "EMPEROR")
                    .token(admin)
                    .wrong()
                    .expect(400);
        }

        void catalogue() {
            location = created(commands.call("POST", "/api/admin/locations")
                    .token(admin)
                    .json(Map.of("name", "Contract City"))
                    .expect(201));
            commands.call("PUT", "/api/admin/locations/{locationId}", location)
                    .token(admin)
                    .json(Map.of("name", "Contract City & Around"))
                    .expect(204);
            commands.call("PUT", "/api/admin/locations/{locationId}", location)
                    .token(admin)
                    .json(Map.of("name", ""))
                    .wrong()
                    .expect(400);

            cinema = created(commands.call("POST", "/api/admin/cinemas")
                    .token(admin)
                    .json(cinema(location, "Contract Cinema"))
                    .expect(201));
            commands.call("POST", "/api/admin/cinemas")
                    .token(admin)
                    .json(cinema("no-such-location", "Nowhere Cinema"))
                    .expect(422);
            Map<String, Object> update = new HashMap<>(cinema(location, "Contract Picturehouse"));
            update.remove("locationId");
            commands.call("PUT", "/api/admin/cinemas/{cinemaId}", cinema)
                    .token(admin)
                    .json(update)
                    .expect(204);
            commands.call("PUT", "/api/admin/cinemas/{cinemaId}/seating-policy", cinema)
                    .token(admin)
                    .json(Map.of("preventStrandedSeats", true))
                    .expect(204);

            screen = created(commands.call("POST", "/api/admin/screens")
                    .token(admin)
                    .json(Map.of("cinemaId", cinema, "name", "Screen 1", "format", "TWO_D", "layout", layout()))
                    .expect(201));
            commands.call("POST", "/api/admin/screens")
                    .token(admin)
                    .json(Map.of(
                            "cinemaId", "no-such-cinema", "name", "Screen 9", "format", "TWO_D", "layout", layout()))
                    .expect(422);
            commands.call("POST", "/api/admin/screens")
                    .token(admin)
                    .json(Map.of(
                            "cinemaId",
                            cinema,
                            "name",
                            "Screen 0",
                            "format",
                            "TWO_D",
                            "layout",
                            Map.of("rows", List.of())))
                    .wrong()
                    .expect(400);
            commands.call("PUT", "/api/admin/screens/{screenId}", screen)
                    .token(admin)
                    .json(Map.of("name", "Screen One", "format", "IMAX", "layout", layout()))
                    .expect(204);

            film = created(commands.call("POST", "/api/admin/films")
                    .token(admin)
                    .json(film("Contract Film"))
                    .expect(201));
            commands.call("PUT", "/api/admin/films/{filmId}", film)
                    .token(admin)
                    .json(filmWithoutSynopsis("The Contract Film", "2026-01-09"))
                    .expect(204);
            comingSoon = created(commands.call("POST", "/api/admin/films")
                    .token(admin)
                    .json(filmWithoutSynopsis("The Sequel", "2099-12-31"))
                    .expect(201));
            commands.call("POST", "/api/admin/films")
                    .token(admin)
                    .json(Map.of("title", "No runtime", "runtimeMinutes", "long"))
                    .wrong()
                    .expect(400);

            Instant inThreeDays = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
            screening = created(commands.call("POST", "/api/admin/screenings")
                    .token(admin)
                    .json(schedule(inThreeDays, true))
                    .expect(201));
            commands.call("POST", "/api/admin/screenings")
                    .token(admin)
                    .json(schedule(inThreeDays.plus(30, ChronoUnit.MINUTES), true))
                    .expect(409);
            commands.call("POST", "/api/admin/screenings")
                    .token(admin)
                    .json(schedule(Instant.now().minus(1, ChronoUnit.DAYS), true))
                    .expect(422);
            soonScreening = created(commands.call("POST", "/api/admin/screenings")
                    .token(admin)
                    .json(schedule(Instant.now().plus(40, ChronoUnit.MINUTES), true))
                    .expect(201));
            laterScreening = created(commands.call("POST", "/api/admin/screenings")
                    .token(admin)
                    .json(schedule(inThreeDays.plus(2, ChronoUnit.DAYS), false))
                    .expect(201));
            String cancelled = created(commands.call("POST", "/api/admin/screenings")
                    .token(admin)
                    .json(schedule(inThreeDays.plus(4, ChronoUnit.DAYS), true))
                    .expect(201));

            commands.call("POST", "/api/admin/screenings/{screeningId}/reschedule", screening)
                    .token(admin)
                    .json(Map.of(
                            "startsAt", inThreeDays.plus(1, ChronoUnit.HOURS).toString()))
                    .expect(204);
            // Onto the screening not yet on sale: the screen is busy.
            commands.call("POST", "/api/admin/screenings/{screeningId}/reschedule", screening)
                    .token(admin)
                    .json(Map.of(
                            "startsAt", inThreeDays.plus(2, ChronoUnit.DAYS).toString()))
                    .expect(409);
            commands.call("PUT", "/api/admin/screenings/{screeningId}/prices", screening)
                    .token(admin)
                    .json(Map.of("prices", prices(1200, 1700)))
                    .expect(204);
            commands.call("POST", "/api/admin/screenings/{screeningId}/cancel", cancelled)
                    .token(admin)
                    .json(Map.of("reason", "Private hire"))
                    .expect(204);
            commands.call("PUT", "/api/admin/screenings/{screeningId}/prices", cancelled)
                    .token(admin)
                    .json(Map.of("prices", prices(1200, 1700)))
                    .expect(409);
            commands.call("POST", "/api/admin/screenings/{screeningId}/open-sales", cancelled)
                    .token(admin)
                    .expect(409);

            // Reviews need a paid booking for a screening that has started, and nothing can be
            // scheduled in the past: a screening seconds ahead, booked and paid at once.
            reviewScreen = created(commands.call("POST", "/api/admin/screens")
                    .token(admin)
                    .json(Map.of("cinemaId", cinema, "name", "Screen 3", "format", "TWO_D", "layout", layout()))
                    .expect(201));
            reviewScreening = created(commands.call("POST", "/api/admin/screenings")
                    .token(admin)
                    .json(Map.of(
                            "filmId",
                            film,
                            "screenId",
                            reviewScreen,
                            "startsAt",
                            Instant.now().plusSeconds(8).toString(),
                            "prices",
                            prices(1000, 1400)))
                    .expect(201));
            String seen = hold(customer, reviewScreening, "A1");
            pay(seen, "tok_success", "key-" + UUID.randomUUID()).expect(201);
        }

        void bookingsPaymentsAndRefunds() {
            commands.call("POST", "/api/bookings")
                    .token(customer)
                    .json(Map.of("screeningId", laterScreening, "seats", List.of("A1")))
                    .expect(409);
            commands.call("POST", "/api/admin/screenings/{screeningId}/open-sales", laterScreening)
                    .token(admin)
                    .expect(204);

            heldBooking = hold(customer, screening, "A1", "A2");
            Answer taken = commands.call("POST", "/api/bookings")
                    .token(otherCustomer)
                    .json(Map.of("screeningId", screening, "seats", List.of("A2", "A3")))
                    .expect(409);
            assertThat(taken.text("unavailableSeats/0")).isEqualTo("A2");
            Answer stranding = commands.call("POST", "/api/bookings")
                    .token(otherCustomer)
                    .json(Map.of("screeningId", screening, "seats", List.of("A4")))
                    .expect(409);
            assertThat(stranding.text("strandedSeats/0")).isEqualTo("A3");
            Answer unknown = commands.call("POST", "/api/bookings")
                    .token(otherCustomer)
                    .json(Map.of("screeningId", screening, "seats", List.of("Z99")))
                    .expect(400);
            assertThat(unknown.text("unknownSeats/0")).isEqualTo("Z99");
            commands.call("POST", "/api/bookings")
                    .token(otherCustomer)
                    .json(Map.of("screeningId", "no-such-screening", "seats", List.of("A1")))
                    .expect(422);
            commands.call("POST", "/api/bookings")
                    .token(otherCustomer)
                    .json(Map.of("screeningId", screening, "seats", List.of()))
                    .wrong()
                    .expect(400);

            commands.call("POST", "/api/bookings/{bookingId}/seats", heldBooking)
                    .token(customer)
                    .json(Map.of("add", List.of("A3"), "remove", List.of()))
                    .expect(200);
            commands.call("POST", "/api/bookings/{bookingId}/seats", heldBooking)
                    .token(otherCustomer)
                    .json(Map.of("add", List.of("A5")))
                    .expect(404);
            // From here on, single seats may be left between holds.
            commands.call("PUT", "/api/admin/cinemas/{cinemaId}/seating-policy", cinema)
                    .token(admin)
                    .json(Map.of("preventStrandedSeats", false))
                    .expect(204);
            hold(otherCustomer, screening, "A5");
            commands.call("POST", "/api/bookings/{bookingId}/seats", heldBooking)
                    .token(customer)
                    .json(Map.of("add", List.of("A5"), "remove", List.of()))
                    .expect(409);

            String released = hold(customer, screening, "B8");
            commands.call("DELETE", "/api/bookings/{bookingId}", released)
                    .token(customer)
                    .expect(204);
            commands.call("DELETE", "/api/bookings/{bookingId}", released)
                    .token(customer)
                    .expect(409);
            pay(released, "tok_success", "key-" + UUID.randomUUID()).expect(409);

            paidBooking = hold(customer, screening, "B1");
            String key = "key-" + UUID.randomUUID();
            Answer paid = pay(paidBooking, "tok_success", key).expect(201);
            assertThat(paid.header("Location")).isNotBlank();
            payment = paid.text("paymentId");
            pay(paidBooking, "tok_success", key).expect(201);
            pay(paidBooking, "tok_other", key).expect(422);
            commands.call("POST", "/api/bookings/{bookingId}/payments", paidBooking)
                    .token(customer)
                    .json(Map.of("paymentMethod", "tok_success"))
                    .wrong()
                    .expect(400);
            pay(paidBooking, "4111111111111111", "key-" + UUID.randomUUID())
                    .wrong()
                    .expect(400);

            String declined = hold(customer, screening, "B4");
            pay(declined, "tok_decline", "key-" + UUID.randomUUID()).expect(402);
            pay(declined, "tok_timeout", "key-" + UUID.randomUUID()).expect(503);

            refundedBooking = hold(customer, screening, "B6");
            pay(refundedBooking, "tok_success", "key-" + UUID.randomUUID()).expect(201);
            refund = commands.call("POST", "/api/bookings/{bookingId}/refunds", refundedBooking)
                    .token(customer)
                    .json(Map.of("seats", List.of("B6")))
                    .expect(201)
                    .text("refundId");
            commands.call("POST", "/api/bookings/{bookingId}/refunds", refundedBooking)
                    .token(customer)
                    .json(Map.of("seats", List.of("B6")))
                    .expect(409);
            commands.call("POST", "/api/bookings/{bookingId}/refunds", paidBooking)
                    .token(customer)
                    .json(Map.of("seats", List.of("Z1")))
                    .expect(400);

            String pending = hold(customer, screening, "A7", "A8");
            pay(pending, "tok_refund_fails_once", "key-" + UUID.randomUUID()).expect(201);
            commands.call("POST", "/api/bookings/{bookingId}/refunds", pending)
                    .token(customer)
                    .expect(202);

            String tooLate = hold(customer, soonScreening, "A1");
            pay(tooLate, "tok_success", "key-" + UUID.randomUUID()).expect(201);
            commands.call("POST", "/api/bookings/{bookingId}/refunds", tooLate)
                    .token(customer)
                    .json(Map.of())
                    .expect(422);
        }

        void retirements() {
            String retiredLocation = created(commands.call("POST", "/api/admin/locations")
                    .token(admin)
                    .json(Map.of("name", "Short-lived"))
                    .expect(201));
            String retiredCinema = created(commands.call("POST", "/api/admin/cinemas")
                    .token(admin)
                    .json(cinema(retiredLocation, "Short-lived Cinema"))
                    .expect(201));
            String retiredScreen = created(commands.call("POST", "/api/admin/screens")
                    .token(admin)
                    .json(Map.of("cinemaId", retiredCinema, "name", "Screen 2", "format", "TWO_D", "layout", layout()))
                    .expect(201));
            retiredFilm = created(commands.call("POST", "/api/admin/films")
                    .token(admin)
                    .json(film("Short-lived Film"))
                    .expect(201));
            commands.call("DELETE", "/api/admin/films/{filmId}", retiredFilm)
                    .token(admin)
                    .expect(204);
            commands.call("PUT", "/api/admin/films/{filmId}", retiredFilm)
                    .token(admin)
                    .json(film("Back from retirement"))
                    .expect(409);
            commands.call("DELETE", "/api/admin/screens/{screenId}", retiredScreen)
                    .token(admin)
                    .expect(204);
            commands.call("POST", "/api/admin/screenings")
                    .token(admin)
                    .json(Map.of(
                            "filmId",
                            film,
                            "screenId",
                            retiredScreen,
                            "startsAt",
                            Instant.now().plus(9, ChronoUnit.DAYS).toString(),
                            "prices",
                            prices(1000, 1500)))
                    .expect(422);
            commands.call("DELETE", "/api/admin/cinemas/{cinemaId}", retiredCinema)
                    .token(admin)
                    .expect(204);
            commands.call("PUT", "/api/admin/cinemas/{cinemaId}/seating-policy", retiredCinema)
                    .token(admin)
                    .json(Map.of("preventStrandedSeats", false))
                    .expect(409);
            commands.call("DELETE", "/api/admin/locations/{locationId}", retiredLocation)
                    .token(admin)
                    .expect(204);
            commands.call("PUT", "/api/admin/locations/{locationId}", retiredLocation)
                    .token(admin)
                    .json(Map.of("name", "Revived"))
                    .expect(409);
        }

        void listings() {
            eventually(() -> queries.call("GET", "/api/locations/{locationId}", location), 200);
            queries.call("GET", "/api/locations").query("sort", "name,desc").expect(200);
            queries.call("GET", "/api/locations").query("sort", "population").expect(400);
            queries.call("GET", "/api/locations").query("size", 1000).wrong().expect(400);
            queries.call("GET", "/api/locations/{locationId}/cinemas", location).expect(200);
            eventually(() -> queries.call("GET", "/api/cinemas/{cinemaId}", cinema), 200);
            queries.call("GET", "/api/cinemas")
                    .query("locationId", location)
                    .query("page", 0)
                    .expect(200);
            Answer screens = eventually(
                    () -> queries.call("GET", "/api/cinemas/{cinemaId}/screens", cinema),
                    200,
                    answer -> answer.json().path("items").size() > 0);
            assertThat(screens.json().at("/items/0/layout/rows/1/cells/4/kind").asText())
                    .isEqualTo("GAP");
            queries.call("GET", "/api/cinemas/{cinemaId}/screens", cinema)
                    .query("includeRetired", true)
                    .query("sort", "name,desc")
                    .query("size", 1)
                    .expect(200);
            queries.call("GET", "/api/cinemas/{cinemaId}/screens", cinema)
                    .query("sort", "seats")
                    .expect(400);
            queries.call("GET", "/api/screens/{screenId}", screen).expect(200);
            eventually(() -> queries.call("GET", "/api/films/{filmId}", film), 200);
            queries.call("GET", "/api/films")
                    .query("availability", "NOW_SHOWING")
                    .expect(200);
            eventually(() -> queries.call("GET", "/api/films/{filmId}", comingSoon), 200);
            queries.call("GET", "/api/films")
                    .query("availability", "COMING_SOON")
                    .query("sort", "releaseDate,desc")
                    .expect(200);
            queries.call("GET", "/api/films")
                    .query("availability", "TOMORROW")
                    .wrong()
                    .expect(400);
            eventually(() -> queries.call("GET", "/api/screenings/{screeningId}", screening), 200);
            queries.call("GET", "/api/screenings")
                    .query("cinemaId", cinema)
                    .query("sort", "startsAt,desc")
                    .expect(200);
            queries.call("GET", "/api/screenings")
                    .query("date", "someday")
                    .wrong()
                    .expect(400);
        }

        void seatMaps() {
            eventually(() -> queries.call("GET", "/api/screenings/{screeningId}/seat-map", screening), 200);
            Answer stream = queries.call("GET", "/api/screenings/{screeningId}/seat-map/stream", screening)
                    .firstEvent();
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            assertThat(stream.raw()).contains("event:seat-map").contains("\"screeningId\":\"" + screening + "\"");
        }

        void signedIn() {
            queries.call("GET", "/api/me").token(customer).expect(200);
            eventually(
                    () -> queries.call("GET", "/api/me/bookings/{bookingId}", heldBooking)
                            .token(customer),
                    200);
            queries.call("GET", "/api/me/bookings/{bookingId}", heldBooking)
                    .token(otherCustomer)
                    .expect(404);
            queries.call("GET", "/api/me/bookings")
                    .token(customer)
                    .query("size", 5)
                    .expect(200);
            queries.call("GET", "/api/me/bookings")
                    .token(customer)
                    .query("page", -1)
                    .wrong()
                    .expect(400);

            eventually(
                    () -> queries.call("GET", "/api/me/bookings/{bookingId}/payments", refundedBooking)
                            .token(customer),
                    200);
            queries.call("GET", "/api/me/bookings/{bookingId}/payments", paidBooking)
                    .token(otherCustomer)
                    .expect(404);
            queries.call("GET", "/api/me/payments").token(customer).expect(200);
            queries.call("GET", "/api/me/payments")
                    .token(customer)
                    .query("sort", "amount")
                    .expect(400);

            queries.call("GET", "/api/audit/payments")
                    .token(auditor)
                    .query("bookingId", paidBooking)
                    .expect(200);
            queries.call("GET", "/api/audit/payments")
                    .token(auditor)
                    .query("customerId", customerId)
                    .query("sort", "at,asc")
                    .expect(200);
            queries.call("GET", "/api/ops/processors").token(analyst).expect(200);
        }

        /** The customer's confirmations, declines and refunds above raised alerts in their inbox. */
        void alerts() {
            Answer inbox = eventually(
                    () -> queries.call("GET", "/api/me/alerts").token(customer).query("size", 50), 200, answer -> {
                        JsonNode items = answer.json().path("items");
                        return items.size() > 0;
                    });
            String alertId = inbox.text("items/0/alertId");
            queries.call("GET", "/api/me/alerts")
                    .token(customer)
                    .query("unread", true)
                    .query("page", 0)
                    .expect(200);
            queries.call("GET", "/api/me/alerts")
                    .token(customer)
                    .query("size", 0)
                    .wrong()
                    .expect(400);
            queries.call("GET", "/api/me/alerts")
                    .token(customer)
                    .query("unread", "perhaps")
                    .wrong()
                    .expect(400);
            Answer stream =
                    queries.call("GET", "/api/me/alerts/stream").token(customer).firstEvent();
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            assertThat(stream.raw()).contains("event:unread-count").contains("\"unreadCount\":");

            commands.call("POST", "/api/me/alerts/{alertId}/read", alertId)
                    .token(customer)
                    .expect(204);
            commands.call("POST", "/api/me/alerts/{alertId}/read", alertId)
                    .token(customer)
                    .expect(204);
            commands.call("POST", "/api/me/alerts/{alertId}/read", alertId)
                    .token(otherCustomer)
                    .expect(404);
            commands.call("POST", "/api/me/alerts/{alertId}/read", "not-a-uuid")
                    .token(customer)
                    .wrong()
                    .expect(400);
            commands.call("POST", "/api/me/alerts/read-all").token(customer).expect(204);
            commands.call("POST", "/api/me/alerts/read-all")
                    .token(otherCustomer)
                    .expect(204);
        }

        void reviewsAndFavourites() {
            Map<String, Object> review = Map.of("rating", 4, "text", "Worth it.");
            commands.call("PUT", "/api/films/{filmId}/review", film)
                    .token(otherCustomer)
                    .json(review)
                    .expect(403);
            commands.call("PUT", "/api/films/{filmId}/review", retiredFilm)
                    .token(customer)
                    .json(review)
                    .expect(404);
            commands.call("PUT", "/api/films/{filmId}/review", film)
                    .token(customer)
                    .json(Map.of("rating", 9))
                    .wrong()
                    .expect(400);
            // Refused (403 screening-not-started) until the customer's screening has started.
            Answer[] written = new Answer[1];
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        written[0] = commands.call("PUT", "/api/films/{filmId}/review", film)
                                .token(customer)
                                .json(review)
                                .expect(201, 403);
                        return written[0].status() == 201;
                    });
            assertThat(written[0].header("Location")).isNotBlank();
            String reviewId = written[0].text("reviewId");
            commands.call("PUT", "/api/films/{filmId}/review", film)
                    .token(customer)
                    .json(Map.of("rating", 5))
                    .expect(200);
            commands.call("POST", "/api/admin/reviews/{reviewId}/hide", reviewId)
                    .token(admin)
                    .json(Map.of("reason", "Spoiler"))
                    .expect(204);
            commands.call("POST", "/api/admin/reviews/{reviewId}/hide", reviewId)
                    .token(admin)
                    .json(Map.of())
                    .wrong()
                    .expect(400);
            commands.call("POST", "/api/admin/reviews/{reviewId}/unhide", reviewId)
                    .token(admin)
                    .json(Map.of("reason", "Edited"))
                    .expect(204);
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> queries.call("GET", "/api/films/{filmId}/reviews", film)
                            .query("sort", "rating")
                            .expect(200)
                            .text("reviewCount")
                            .equals("1"));
            eventually(() -> queries.call("GET", "/api/films/{filmId}", film), 200);
            queries.call("GET", "/api/films/{filmId}/reviews", film)
                    .query("sort", "stars")
                    .wrong()
                    .expect(400);
            commands.call("DELETE", "/api/films/{filmId}/review", film)
                    .token(customer)
                    .expect(204);
            commands.call("DELETE", "/api/films/{filmId}/review", film)
                    .token(customer)
                    .expect(404);

            String favourite = "/api/me/favourites/{kind}/{itemId}";
            commands.call("PUT", favourite, "films", film).token(customer).expect(204);
            commands.call("PUT", favourite, "films", film).token(customer).expect(204);
            commands.call("PUT", favourite, "cinemas", cinema).token(customer).expect(204);
            commands.call("PUT", favourite, "locations", location)
                    .token(customer)
                    .expect(204);
            commands.call("PUT", favourite, "films", retiredFilm)
                    .token(customer)
                    .expect(404);
            commands.call("PUT", favourite, "actors", film)
                    .token(customer)
                    .wrong()
                    .expect(400);
            commands.call("DELETE", favourite, "locations", location)
                    .token(customer)
                    .expect(204);
            commands.call("DELETE", favourite, "locations", location)
                    .token(customer)
                    .expect(204);
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> queries.call("GET", "/api/me/favourites")
                            .token(customer)
                            .expect(200)
                            .raw()
                            .contains(cinema));
            queries.call("GET", "/api/films")
                    .token(customer)
                    .query("favourites", true)
                    .expect(200);
            queries.call("GET", "/api/screenings")
                    .token(customer)
                    .query("favourites", true)
                    .expect(200);
            queries.call("GET", "/api/films").query("favourites", true).expect(401);
            queries.call("GET", "/api/screenings").query("favourites", true).expect(401);
        }

        /** The auditors' doors: history, states, exports, checkpoints, integrity, reconciliation. */
        void projections() {
            queries.call("GET", "/api/ops/projections").token(analyst).expect(200);
            queries.call("GET", "/api/ops/projections/{name}", "favourites")
                    .token(analyst)
                    .expect(200);
            Answer started = queries.call("POST", "/api/ops/projections/{name}/rebuilds", "favourites")
                    .token(analyst)
                    .json(Map.of("autoSwitch", false))
                    .expect(202);
            assertThat(started.header("Location"))
                    .endsWith("/api/ops/projections/favourites/rebuilds/" + started.text("id"));
            queries.call("POST", "/api/ops/projections/{name}/rebuilds", "favourites")
                    .token(analyst)
                    .expect(409);
            queries.call("POST", "/api/ops/projections/{name}/switch", "favourites")
                    .token(analyst)
                    .expect(409);
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(queries.call(
                                            "GET",
                                            "/api/ops/projections/{name}/rebuilds/{rebuildId}",
                                            "favourites",
                                            started.text("id"))
                                    .token(analyst)
                                    .expect(200)
                                    .text("phase"))
                            .isEqualTo("READY"));
            queries.call("POST", "/api/ops/projections/{name}/switch", "favourites")
                    .token(analyst)
                    .expect(200);
            queries.call("POST", "/api/ops/projections/{name}/switch-back", "favourites")
                    .token(analyst)
                    .expect(200);
            queries.call("POST", "/api/ops/projections/{name}/rebuilds", "favourites")
                    .token(analyst)
                    .raw("{\"autoSwitch\":\"sometimes\"}")
                    .wrong()
                    .expect(400);
        }

        void audit() {
            queries.call("GET", "/api/audit/events/{aggregateId}", paidBooking)
                    .token(auditor)
                    .query("size", 2)
                    .expect(200);
            queries.call("GET", "/api/audit/events/{aggregateId}", paidBooking)
                    .token(auditor)
                    .query("size", 0)
                    .wrong()
                    .expect(400);
            queries.call("GET", "/api/audit/payments/{paymentId}/state", payment)
                    .token(auditor)
                    .expect(200);
            queries.call("GET", "/api/audit/payments/{paymentId}/state", payment)
                    .token(auditor)
                    .query("asOf", "2020-01-01T00:00:00Z")
                    .expect(404);
            queries.call("GET", "/api/audit/payments/{paymentId}/state", payment)
                    .token(auditor)
                    .query("asOf", "yesterday")
                    .wrong()
                    .expect(400);
            queries.call("GET", "/api/audit/refunds/{refundId}/state", refund)
                    .token(auditor)
                    .query("asOf", Instant.now().toString())
                    .expect(200);
            queries.call("GET", "/api/audit/bookings/{bookingId}/state", refundedBooking)
                    .token(auditor)
                    .expect(200);
            queries.call("GET", "/api/audit/bookings/{bookingId}/state", heldBooking)
                    .token(auditor)
                    .expect(200);

            String from = Instant.now().minus(1, ChronoUnit.HOURS).toString();
            String to = Instant.now().plus(1, ChronoUnit.HOURS).toString();
            for (String format : List.of("ndjson", "csv")) {
                Answer export = queries.call("GET", "/api/audit/export")
                        .token(auditor)
                        .accept(format.equals("csv") ? "text/csv" : "application/x-ndjson")
                        .query("from", from)
                        .query("to", to)
                        .query("format", format)
                        .expect(200);
                assertThat(export.raw()).contains("PaymentCapturedEvent");
            }
            queries.call("GET", "/api/audit/export")
                    .token(auditor)
                    .accept("application/x-ndjson, application/problem+json")
                    .query("from", from)
                    .query("to", Instant.now().plus(400, ChronoUnit.DAYS).toString())
                    .expect(400);
            queries.call("GET", "/api/audit/export")
                    .token(auditor)
                    .accept("text/csv, application/problem+json")
                    .query("from", from)
                    .query("to", to)
                    .query("format", "xml")
                    .wrong()
                    .expect(400);
            queries.call("GET", "/api/audit/totals")
                    .token(auditor)
                    .query("from", from)
                    .query("to", to)
                    .expect(200);
            queries.call("GET", "/api/audit/totals")
                    .token(auditor)
                    .query("from", to)
                    .query("to", from)
                    .expect(400);

            Answer checkpoint = queries.call("POST", "/api/audit/checkpoints")
                    .token(auditor)
                    .expect(201);
            assertThat(checkpoint.header("Location")).endsWith("/api/audit/checkpoints/" + checkpoint.text("number"));
            queries.call("GET", "/api/audit/checkpoints/{number}", checkpoint.text("number"))
                    .token(auditor)
                    .expect(200);
            queries.call("GET", "/api/audit/checkpoints")
                    .token(auditor)
                    .query("size", 5)
                    .expect(200);
            queries.call("GET", "/api/audit/integrity").token(auditor).expect(200);
            queries.call("GET", "/api/audit/integrity")
                    .token(auditor)
                    .query("from", from)
                    .query("to", to)
                    .expect(200);
            queries.call("GET", "/api/audit/integrity")
                    .token(auditor)
                    .query("from", "last week")
                    .wrong()
                    .expect(400);
            queries.call("GET", "/api/audit/events/{aggregateId}/integrity", payment)
                    .token(auditor)
                    .expect(200);
            queries.call("GET", "/api/audit/events/{aggregateId}/integrity", screening)
                    .token(auditor)
                    .expect(409);
            queries.call("GET", "/api/audit/reconciliation").token(admin).expect(200);
        }

        /**
         * The analysts' reports: grouped every way, JSON and CSV, refused input, and a 503 with the
         * progress while a projection catches up (the refunds processor reset and replaying).
         */
        void analytics() {
            String from = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
            String to = LocalDate.now(ZoneOffset.UTC).plusDays(10).toString();
            for (String report : List.of("sales", "occupancy", "refunds")) {
                String path = "/api/analytics/" + report;
                Answer rows = eventually(
                        () -> queries.call("GET", path)
                                .token(analyst)
                                .query("from", from)
                                .query("to", to),
                        200,
                        answer -> answer.json().path("rows").size() > 0);
                assertThat(rows.text("groupBy")).isEqualTo("day");
                for (String groupBy : List.of("film", "cinema", "location", "day")) {
                    queries.call("GET", path)
                            .token(analyst)
                            .query("from", from)
                            .query("to", to)
                            .query("groupBy", groupBy)
                            .expect(200);
                }
                queries.call("GET", path).token(admin).expect(200);
                Answer csv = queries.call("GET", path)
                        .token(analyst)
                        .accept("text/csv")
                        .query("from", from)
                        .query("to", to)
                        .query("groupBy", "film")
                        .query("format", "csv")
                        .expect(200);
                assertThat(csv.header("Content-Type")).startsWith("text/csv");
                assertThat(csv.raw()).startsWith("key,label,");
                queries.call("GET", path)
                        .token(analyst)
                        .accept("text/csv, application/problem+json")
                        .query("from", "2024-01-01")
                        .query("to", "2026-01-01")
                        .query("format", "csv")
                        .expect(400);
                queries.call("GET", path)
                        .token(analyst)
                        .query("from", "2024-01-01T00:00:00Z")
                        .query("to", "2024-01-01")
                        .expect(400);
                queries.call("GET", path)
                        .token(analyst)
                        .query("groupBy", "week")
                        .wrong()
                        .expect(400);
                queries.call("GET", path)
                        .token(analyst)
                        .query("format", "xml")
                        .wrong()
                        .expect(400);
            }

            // A projection that is reset reads the store again from the first event: until it has, 503.
            TrackingEventProcessor refunds = system.query()
                    .getBean(EventProcessingConfiguration.class)
                    .eventProcessor("query-analytics-refunds", TrackingEventProcessor.class)
                    .orElseThrow();
            // Processors obey the slot table (every node reads it): paused there, it stops everywhere.
            JdbcTemplate slots = system.query().getBean(JdbcTemplate.class);
            slots.update("update projection_slot set slot_a_state = 'PAUSED' where projection = 'analytics-refunds'");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !refunds.isRunning() && refunds.activeProcessorThreads() == 0);
            refunds.resetTokens();
            Answer catchingUp =
                    queries.call("GET", "/api/analytics/refunds").token(analyst).expect(503);
            assertThat(catchingUp.text("code")).isEqualTo("projection-catching-up");
            assertThat(catchingUp.header("Retry-After")).isNotBlank();
            assertThat(catchingUp.json().at("/progress/head").asLong()).isPositive();
            slots.update("update projection_slot set slot_a_state = 'LIVE' where projection = 'analytics-refunds'");
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> queries.call("GET", "/api/analytics/refunds")
                                    .token(analyst)
                                    .query("from", from)
                                    .query("to", to)
                                    .expect(200, 503)
                                    .status()
                            == 200);
        }

        /**
         * Processors of both apps, and dead letters: none at first, then two put in a projection's
         * queue as its failing handler would, one retried (its handler now folds it) and one
         * discarded.
         */
        void operations() {
            commands.call("GET", "/api/ops/processors").token(analyst).expect(200);
            commands.call("GET", "/api/ops/processors").token(admin).expect(200);
            queries.call("GET", "/api/ops/processors").token(admin).expect(200);
            queries.call("GET", "/api/ops/dead-letters").token(analyst).expect(200);
            queries.call("GET", "/api/ops/dead-letters")
                    .token(analyst)
                    .query("processor", "query-catalogue-listings")
                    .query("page", 0)
                    .query("size", 5)
                    .expect(200);
            queries.call("GET", "/api/ops/dead-letters")
                    .token(analyst)
                    .query("processor", "query-no-such-processor")
                    .expect(404);
            queries.call("GET", "/api/ops/dead-letters")
                    .token(analyst)
                    .query("size", 0)
                    .wrong()
                    .expect(400);
            queries.call("GET", "/api/ops/dead-letters")
                    .token(analyst)
                    .query("page", "first")
                    .wrong()
                    .expect(400);

            String retried = park("Parked Square");
            String discarded = park("Discarded Square");
            Answer parked = queries.call("GET", "/api/ops/dead-letters")
                    .token(analyst)
                    .query("processor", "query-catalogue-listings")
                    .expect(200);
            assertThat(parked.text("page/totalElements")).isEqualTo("2");
            String retriedId = letterOf(parked, retried);
            String discardedId = letterOf(parked, discarded);
            Answer retry = queries.call("POST", "/api/ops/dead-letters/{id}/retry", retriedId)
                    .token(analyst)
                    .expect(200);
            assertThat(retry.text("processed")).isEqualTo("true");
            queries.call("GET", "/api/locations/{locationId}", retried).expect(200);
            queries.call("DELETE", "/api/ops/dead-letters/{id}", discardedId)
                    .token(admin)
                    .expect(204);
            queries.call("DELETE", "/api/ops/dead-letters/{id}", discardedId)
                    .token(admin)
                    .expect(404);
            queries.call("POST", "/api/ops/dead-letters/{id}/retry", retriedId)
                    .token(analyst)
                    .expect(404);
            queries.call("GET", "/api/ops/dead-letters")
                    .token(analyst)
                    .query("processor", "query-catalogue-listings")
                    .expect(200);
        }

        /** A new location's creation, parked in the listings' queue as if its handler had failed; answers its id. */
        private String park(String name) {
            LocationId location = LocationId.random();
            EventProcessingConfiguration processing = system.query().getBean(EventProcessingConfiguration.class);
            processing
                    .deadLetterQueue("query-catalogue-listings")
                    .orElseThrow()
                    .enqueue(
                            location.value(),
                            new GenericDeadLetter<>(
                                    location.value(),
                                    new GenericDomainEventMessage<>(
                                            "Location", location.value(), 0, new LocationCreatedEvent(location, name)),
                                    new IllegalStateException("The contract test's failing handler")));
            return location.value();
        }

        private String letterOf(Answer page, String sequenceIdentifier) {
            for (JsonNode letter : page.json().path("items")) {
                if (letter.path("sequenceIdentifier").asText().equals(sequenceIdentifier)) {
                    return letter.path("id").asText();
                }
            }
            throw new AssertionError("no dead letter of " + sequenceIdentifier + " in " + page.raw());
        }

        private String hold(String token, String screeningId, String... seats) {
            return commands.call("POST", "/api/bookings")
                    .token(token)
                    .json(Map.of("screeningId", screeningId, "seats", List.of(seats)))
                    .expect(201)
                    .text("bookingId");
        }

        private Call pay(String bookingId, String method, String key) {
            return commands.call("POST", "/api/bookings/{bookingId}/payments", bookingId)
                    .token(customer)
                    .header("Idempotency-Key", key)
                    .json(Map.of("paymentMethod", method));
        }

        private Map<String, Object> schedule(Instant startsAt, boolean onSale) {
            return Map.of(
                    "filmId",
                    film,
                    "screenId",
                    screen,
                    "startsAt",
                    startsAt.toString(),
                    "prices",
                    prices(1100, 1500),
                    "onSale",
                    onSale);
        }
    }

    /** Waits until the query side answers as {@code done} says; every answer on the way is checked too. */
    private static Answer eventually(Supplier<Call> call, int status, java.util.function.Predicate<Answer> done) {
        Answer[] last = new Answer[1];
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    last[0] = call.get().expect(status);
                    return done.test(last[0]);
                });
        return last[0];
    }

    /** Waits for the query side to catch up; every answer on the way is checked too. */
    private static Answer eventually(Supplier<Call> call, int status) {
        Answer[] last = new Answer[1];
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    last[0] = call.get().expect(status, 404);
                    return last[0].status() == status;
                });
        return last[0];
    }

    private static String created(Answer answer) {
        assertThat(answer.header("Location")).as("Location of a 201").isNotBlank();
        return answer.text("id");
    }

    private static Map<String, Object> cinema(String locationId, String name) {
        return Map.of(
                "locationId",
                locationId,
                "name",
                name,
                "timeZone",
                "Europe/Berlin",
                "address",
                Map.of("street", "Vertragsweg 1", "city", "Berlin", "postalCode", "10115", "country", "DE"));
    }

    private static Map<String, Object> film(String title) {
        Map<String, Object> film = new HashMap<>(filmWithoutSynopsis(title, "2026-01-09"));
        film.put("synopsis", "A contract is kept.");
        return film;
    }

    private static Map<String, Object> filmWithoutSynopsis(String title, String releaseDate) {
        return Map.of(
                "title",
                title,
                "runtimeMinutes",
                100,
                "ageRating",
                "PG",
                "genres",
                List.of("DRAMA"),
                "releaseDate",
                releaseDate);
    }

    /** Row A: eight standard seats; row B: eight premium seats with an aisle after the fourth. */
    private static Map<String, Object> layout() {
        return Map.of("rows", List.of(row("A", "STANDARD", 0), row("B", "PREMIUM", 4)));
    }

    private static Map<String, Object> row(String label, String type, int aisleAfter) {
        List<Map<String, Object>> cells = new ArrayList<>();
        IntStream.rangeClosed(1, ROW_LENGTH).forEach(n -> {
            cells.add(Map.of("kind", "SEAT", "number", String.valueOf(n), "type", type));
            if (n == aisleAfter) {
                cells.add(Map.of("kind", "GAP"));
            }
        });
        return Map.of("label", label, "cells", cells);
    }

    private static Map<String, Object> prices(long standard, long premium) {
        return Map.of(
                "STANDARD",
                Map.of("amountMinor", standard, "currency", EUR),
                "PREMIUM",
                Map.of("amountMinor", premium, "currency", EUR));
    }
}
