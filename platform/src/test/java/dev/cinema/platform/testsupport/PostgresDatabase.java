package dev.cinema.platform.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context at a fresh database on the embedded PostgreSQL. Test classes also declare
 * {@code @ActiveProfiles("postgres")}: profiles must be known before configuration files are read,
 * which is earlier than an initializer runs.
 */
public class PostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test-postgres",
                        Map.<String, Object>of(
                                "spring.datasource.url", EmbeddedPostgres.newDatabase(),
                                "spring.datasource.username", "postgres",
                                "spring.datasource.password", "postgres",
                                "spring.jpa.database-platform", "dev.cinema.platform.storage.ByteaPostgreSQLDialect",
                                // The postgres profile, like production, refuses to start without one.
                                "cinema.audit.chain.key", TestTokens.AUDIT_CHAIN_KEY)));
    }

    /** Properties for contexts started by hand (the standalone tests). */
    public static Map<String, Object> properties() {
        return Map.of(
                "spring.datasource.url", EmbeddedPostgres.newDatabase(),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres",
                "spring.jpa.database-platform", "dev.cinema.platform.storage.ByteaPostgreSQLDialect",
                "cinema.audit.chain.key", TestTokens.AUDIT_CHAIN_KEY);
    }
}
