package dev.cinema.standalone;

import dev.cinema.platform.testsupport.H2Database;
import java.util.Map;

class OpenApiContractH2Test extends OpenApiContractTest {

    @Override
    Map<String, Object> database() {
        return H2Database.properties();
    }
}
