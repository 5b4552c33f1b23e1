package dev.cinema.command.booking;

import dev.cinema.platform.testsupport.H2Database;
import java.util.Map;

class HoldExpirySurvivesRestartH2Test extends HoldExpirySurvivesRestartTest {

    @Override
    Map<String, Object> database() {
        return H2Database.properties();
    }
}
