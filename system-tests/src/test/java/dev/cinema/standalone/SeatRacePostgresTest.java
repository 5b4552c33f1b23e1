package dev.cinema.standalone;

import dev.cinema.platform.testsupport.PostgresDatabase;
import java.util.HashMap;
import java.util.Map;

class SeatRacePostgresTest extends SeatRaceTest {

    @Override
    Map<String, Object> database() {
        Map<String, Object> properties = new HashMap<>(PostgresDatabase.properties());
        properties.put("spring.profiles.active", "postgres");
        return properties;
    }

    @Override
    boolean writersTakeTurns() {
        return true;
    }
}
