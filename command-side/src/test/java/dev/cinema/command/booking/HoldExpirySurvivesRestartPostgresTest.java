package dev.cinema.command.booking;

import dev.cinema.platform.testsupport.PostgresDatabase;
import java.util.HashMap;
import java.util.Map;

class HoldExpirySurvivesRestartPostgresTest extends HoldExpirySurvivesRestartTest {

    @Override
    Map<String, Object> database() {
        Map<String, Object> properties = new HashMap<>(PostgresDatabase.properties());
        properties.put("spring.profiles.active", "postgres");
        return properties;
    }
}
