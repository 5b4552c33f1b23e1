package dev.cinema.standalone;

import dev.cinema.platform.testsupport.H2Database;
import java.util.Map;

class AuditApiH2Test extends AuditApiTest {

    @Override
    Map<String, Object> database() {
        return H2Database.properties();
    }
}
