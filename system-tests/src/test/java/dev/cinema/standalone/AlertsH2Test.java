package dev.cinema.standalone;

import dev.cinema.platform.testsupport.H2Database;
import java.util.Map;

class AlertsH2Test extends AlertsTest {

    @Override
    Map<String, Object> database() {
        return H2Database.properties();
    }
}
