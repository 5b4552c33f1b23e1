package dev.cinema.standalone;

import dev.cinema.platform.testsupport.PostgresDatabase;
import java.util.HashMap;
import java.util.Map;

class EndToEndPostgresTest extends EndToEndTest {

    @Override
    Map<String, Object> database() {
        Map<String, Object> properties = new HashMap<>(PostgresDatabase.properties());
        properties.put("spring.profiles.active", "postgres");
        // A minute between polls: on PostgreSQL the query side must hear of the command side's
        // commits by notification, so every wait of these tests for the query side (15 s at most)
        // fails if it does not.
        properties.put("cinema.query.event-poll-interval", "PT60S");
        return properties;
    }
}
