package dev.cinema.platform.testsupport;

import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a test context at its own in-memory H2 database, so test classes do not share events. */
public class H2Database implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-h2", properties()));
    }

    /**
     * DB_CLOSE_ON_EXIT=FALSE: H2 would otherwise close the database in a JVM shutdown hook of its
     * own, while Spring's hook is still closing the cached test contexts, whose connection pools
     * then wait (up to 30 s) for a database that is gone. The memory goes with the JVM anyway.
     */
    public static Map<String, Object> properties() {
        return Map.of(
                "spring.datasource.url",
                "jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;MODE=PostgreSQL");
    }
}
