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
        properties = QuerySideApplication.CONFIG_NAME)
@ContextConfiguration(initializers = QuerySecurityTest.PublicKeyOnly.class)
abstract class QuerySecurityTest {

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
