package dev.cinema.query.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cinema.contracts.catalogue.location.LocationCreatedEvent;
import dev.cinema.contracts.catalogue.location.LocationId;
import dev.cinema.platform.observability.RequestCorrelation;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.JsonHttp.Response;
import dev.cinema.platform.testsupport.TestKeys;
import dev.cinema.platform.testsupport.TestTokens;
import dev.cinema.query.QuerySideApplication;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The query side verifies tokens with the public key only, and knows public from private doors.
 * Runs on H2 ({@link QuerySecurityH2Test}) and PostgreSQL ({@link QuerySecurityPostgresTest}).
 */
@SpringBootTest(
        classes = QuerySideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            QuerySideApplication.CONFIG_NAME,
            "cinema.security.cors.allowed-origins=" + QuerySecurityTest.FRONTEND,
            "cinema.metrics.scrape-token=" + QuerySecurityTest.SCRAPE_TOKEN
        })
@ContextConfiguration(initializers = QuerySecurityTest.PublicKeyOnly.class)
// Spring Boot's tests switch metrics export (the Prometheus endpoint) off unless asked.
@AutoConfigureObservability(tracing = false)
abstract class QuerySecurityTest {

    /** Prometheus's own credential in this test's configuration. */
    static final String SCRAPE_TOKEN = "scrape-only-7f3c9a1e5b2d4c6e8a0b1c2d3e4f5a6b";

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    /** The one origin this test's configuration allows, as an environment would name its frontend. */
    static final String FRONTEND = "https://tickets.cinema.test";

    /** Only the public half: the query side must never need the private key. */
    static class PublicKeyOnly extends TestKeys {
        @Override
        public void initialize(org.springframework.context.ConfigurableApplicationContext context) {
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new org.springframework.core.env.MapPropertySource(
                            "public-key-only", Map.of("cinema.security.jwt.public-key", TestTokens.publicKeyPem())));
        }
    }

    @LocalServerPort
    int port;

    JsonHttp http;

    @BeforeEach
    void connect() {
        http = JsonHttp.localhost(port);
    }

    @Test
    void listingsAndApiDocsArePublic() {
        assertThat(http.get("/api/locations", null).status()).isEqualTo(200);
        assertThat(http.get("/api/screenings", null).status()).isEqualTo(200);
        assertThat(http.get("/v3/api-docs", null).status()).isEqualTo(200);
        assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNoHstsOverPlainHttp() {
        for (Response response : java.util.List.of(
                http.get("/api/locations", null), http.get("/api/me", null), http.get("/v3/api-docs", null))) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("Content-Security-Policy"))
                    .isEqualTo("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
            assertThat(response.header("Strict-Transport-Security")).isNull();
        }
        Response swaggerUi = http.get("/swagger-ui/index.html", null);
        assertThat(swaggerUi.status()).isEqualTo(200);
        assertThat(swaggerUi.header("Content-Security-Policy"))
                .contains("script-src 'self';", "connect-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("unsafe-eval");
    }

    @Test
    void theConfiguredFrontendMayCallFromTheBrowserAndNoOtherOrigin() {
        Response preflight = http.request(
                "OPTIONS",
                "/api/me",
                Map.of(
                        "Origin", FRONTEND,
                        "Access-Control-Request-Method", "GET",
                        "Access-Control-Request-Headers", "authorization"));
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(FRONTEND);
        assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();

        Response call = http.request(
                "GET", "/api/me", Map.of("Origin", FRONTEND, "Authorization", "Bearer " + TestTokens.customer()));
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.header("Access-Control-Allow-Origin")).isEqualTo(FRONTEND);
        assertThat(call.header("Access-Control-Expose-Headers")).contains("ETag", "Location", "Retry-After");

        Response stranger = http.request(
                "OPTIONS", "/api/me", Map.of("Origin", "https://evil.example", "Access-Control-Request-Method", "GET"));
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.header("Access-Control-Allow-Origin")).isNull();
        assertThat(http.request("GET", "/api/locations", Map.of("Origin", "https://evil.example"))
                        .header("Access-Control-Allow-Origin"))
                .isNull();
    }

    @Test
    void theCallersOwnDataNeedsAValidToken() {
        String accountId = UUID.randomUUID().toString();
        Response me = http.get("/api/me", TestTokens.valid(accountId, "CUSTOMER"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("accountId")).isEqualTo(accountId);

        Map<String, String> refused = Map.of(
                "missing", "",
                "expired", TestTokens.expired("CUSTOMER"),
                "tampered", TestTokens.tampered(TestTokens.customer()),
                "other key", TestTokens.signedByAnotherKey("CUSTOMER"),
                "HS256 with the public key", TestTokens.hs256WithPublicKey("CUSTOMER"),
                "alg none", TestTokens.unsigned("CUSTOMER"),
                "other issuer", TestTokens.otherIssuer("CUSTOMER"),
                "no expiry", TestTokens.withoutExpiry("CUSTOMER"));
        refused.forEach((kind, token) -> {
            Response response = http.get("/api/me", token.isEmpty() ? null : token);
            assertThat(response.status()).as(kind).isEqualTo(401);
            assertThat(response.isProblem()).as(kind).isTrue();
        });
    }

    @Test
    void processorStatusIsForAnalystsAndAdmins() {
        Response customer = http.get("/api/ops/processors", TestTokens.customer());
        assertThat(customer.status()).isEqualTo(403);
        assertThat(customer.isProblem()).isTrue();
        Response analyst = http.get(
                "/api/ops/processors", TestTokens.valid(UUID.randomUUID().toString(), "ANALYST"));
        assertThat(analyst.status()).isEqualTo(200);
        assertThat(analyst.raw()).contains("query-catalogue-listings");
    }

    // ---------------------------------------------------------------- observability (issue 12)

    @Test
    void prometheusIsForAnalystsAdminsAndTheScrapeTokenAndShowsTheProcessors() {
        String location = UUID.randomUUID().toString();
        transactions.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>(
                "Location", location, 0, new LocationCreatedEvent(LocationId.of(location), "Metricsville"))));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> http.get("/api/locations/" + location, null).status() == 200);

        assertThat(scrape(null).status()).isEqualTo(401);
        assertThat(scrape(TestTokens.customer()).status()).isEqualTo(403);
        assertThat(scrape("scrape-only-but-not-the-configured-token-at-all").status())
                .isEqualTo(401);
        // The scrape token opens the metrics and nothing else.
        assertThat(http.get("/api/ops/processors", SCRAPE_TOKEN).status()).isEqualTo(401);
        assertThat(scrape(SCRAPE_TOKEN).status()).isEqualTo(200);
        assertThat(scrape(TestTokens.valid(UUID.randomUUID().toString(), "ADMIN"))
                        .status())
                .isEqualTo(200);
        Response metrics = scrape(TestTokens.valid(UUID.randomUUID().toString(), "ANALYST"));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw())
                .contains("eventProcessor_successCounter_total{")
                .contains("processorName=\"query-catalogue-listings\"")
                .contains("eventProcessor_latency{")
                .contains("cinema_processor_lag{")
                .contains("processor=\"query-seat-maps\"")
                .contains("cinema_processor_dead_letters{")
                .contains("cinema_sse_streams{")
                .contains("kind=\"seat-map\"")
                .contains("kind=\"alerts\"")
                .contains("hikaricp_connections_active")
                .contains("jvm_memory_used_bytes")
                .contains("application=\"query-side\"");
    }

    @Test
    void readinessCoversTheDatabaseAndTheLiveProjectionSlotsWithDetailsForAnalystsOnly() {
        assertThat(http.get("/actuator/health/liveness", null).text("status")).isEqualTo("UP");
        Response anonymous = http.get("/actuator/health/readiness", null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.text("status")).isEqualTo("UP");
        assertThat(anonymous.body().has("components")).isFalse();

        Response detailed = http.get(
                "/actuator/health/readiness", TestTokens.valid(UUID.randomUUID().toString(), "ADMIN"));
        assertThat(detailed.text("components/db/status")).isEqualTo("UP");
        assertThat(detailed.text("components/eventProcessors/status")).isEqualTo("UP");
        // Slot A of each projection is live; slot B is stopped on purpose until a rebuild.
        assertThat(detailed.text("components/eventProcessors/details/processors/query-seat-maps"))
                .isEqualTo("running");
        assertThat(detailed.text("components/eventProcessors/details/processors/query-seat-maps@b"))
                .isEqualTo("stopped (not needed)");
    }

    @Test
    void theCorrelationIdIsAnsweredOnTheQuerySideToo() {
        Response echoed = http.request("GET", "/api/locations", Map.of(RequestCorrelation.HEADER, "01HZX3K9QW7RS8"));
        assertThat(echoed.header(RequestCorrelation.HEADER)).isEqualTo("01HZX3K9QW7RS8");
        Response generated = http.get("/api/me", null);
        assertThat(generated.status()).isEqualTo(401);
        assertThat(UUID.fromString(generated.header(RequestCorrelation.HEADER))).isNotNull();
    }

    private Response scrape(String token) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("Accept", "text/plain"));
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        return http.request("GET", "/actuator/prometheus", headers);
    }
}
