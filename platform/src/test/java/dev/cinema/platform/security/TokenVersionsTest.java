package dev.cinema.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.platform.testsupport.TestTokens;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The account token versions on a real database (H2 and PostgreSQL, from the platform's own
 * migration): what a version is, that it never goes down, and how long a process may answer it
 * from memory. No Spring context: the table and the class alone.
 */
abstract class TokenVersionsTest {

    private static final Instant AT = Instant.parse("2030-01-15T09:00:00Z");

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private JdbcTemplate jdbc;
    private TokenVersions versions;

    abstract DataSource dataSource();

    @BeforeEach
    void migrate() throws IOException {
        jdbc = new JdbcTemplate(dataSource());
        try (InputStream script = getClass().getResourceAsStream("/db/platform/V170__account_token_versions.sql")) {
            String sql = new String(script.readAllBytes(), StandardCharsets.UTF_8);
            jdbc.execute(sql);
            // Both apps run it: the second run must find the table and change nothing.
            jdbc.execute(sql);
        }
        versions = new TokenVersions(jdbc, new TokenVersionProperties(Duration.ofSeconds(1), 10_000), nanos::get);
    }

    @Test
    void anAccountThatNeverChangedIsAtVersionZero() {
        assertThat(versions.current(UUID.randomUUID().toString())).isZero();
        assertThat(versions.read(UUID.randomUUID().toString())).isZero();
    }

    @Test
    void aVersionIsRaisedAndNeverLowered() {
        String account = UUID.randomUUID().toString();
        versions.raise(account, 3, AT);
        assertThat(versions.read(account)).isEqualTo(3);

        versions.raise(account, 5, AT.plusSeconds(1));
        // A redelivered older event changes nothing.
        versions.raise(account, 4, AT.plusSeconds(2));
        versions.raise(account, 5, AT.plusSeconds(3));

        assertThat(versions.read(account)).isEqualTo(5);
        assertThat(jdbc.queryForObject(
                        "select count(*) from account_token_version where account_id = ?", Integer.class, account))
                .isEqualTo(1);
    }

    @Test
    void anotherProcessesChangeIsSeenOnceTheRememberedVersionIsOlderThanCacheFor() {
        String account = UUID.randomUUID().toString();
        assertThat(versions.current(account)).isZero();
        // Another process raises it (this one's memory is not told).
        new TokenVersions(jdbc, new TokenVersionProperties(Duration.ZERO, 10)).raise(account, 2, AT);

        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(versions.current(account)).as("within cache-for").isZero();
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(versions.current(account)).as("cache-for later").isEqualTo(2);
    }

    @Test
    void theProcessThatRaisesAVersionForgetsItsOwnCopyAtOnce() {
        String account = UUID.randomUUID().toString();
        assertThat(versions.current(account)).isZero();

        versions.raise(account, 1, AT);

        assertThat(versions.current(account)).isEqualTo(1);
    }

    @Test
    void aTokenOlderThanItsAccountsVersionIsRevokedAndTheOthersPass() {
        String changed = UUID.randomUUID().toString();
        String untouched = UUID.randomUUID().toString();
        versions.raise(changed, 2, AT);
        TokenVersionValidator validator = new TokenVersionValidator(versions);

        assertThat(validator.validate(jwt(changed, 1L)).getErrors()).containsExactly(TokenVersionValidator.REVOKED);
        // Issued before versions existed: version 0.
        assertThat(validator.validate(jwt(changed, null)).hasErrors()).isTrue();
        assertThat(validator.validate(jwt(changed, 2L)).hasErrors()).isFalse();
        assertThat(validator.validate(jwt(untouched, null)).hasErrors()).isFalse();
        assertThat(validator.validate(jwt(untouched, 0L)).hasErrors()).isFalse();
    }

    private static Jwt jwt(String subject, Long version) {
        Jwt.Builder builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject(subject)
                .issuer(TestTokens.ISSUER)
                .claims(claims -> claims.putAll(Map.of("roles", java.util.List.of("CUSTOMER"))));
        if (version != null) {
            builder.claim(CinemaJwt.VERSION_CLAIM, version);
        }
        return builder.build();
    }
}
