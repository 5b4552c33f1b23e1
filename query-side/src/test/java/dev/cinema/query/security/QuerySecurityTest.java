package dev.cinema.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.JsonHttp.Response;
import dev.cinema.platform.testsupport.TestKeys;
import dev.cinema.platform.testsupport.TestTokens;
import dev.cinema.query.QuerySideApplication;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The query side verifies tokens with the public key only, and knows public from private doors.
 * Runs on H2 ({@link QuerySecurityH2Test}) and PostgreSQL ({@link QuerySecurityPostgresTest}).
 */
@SpringBootTest(
        classes = QuerySideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            QuerySideApplication.CONFIG_NAME,
            "cinema.security.cors.allowed-origins=" + QuerySecurityTest.FRONTEND
        })
@ContextConfiguration(initializers = QuerySecurityTest.PublicKeyOnly.class)
abstract class QuerySecurityTest {

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
}
