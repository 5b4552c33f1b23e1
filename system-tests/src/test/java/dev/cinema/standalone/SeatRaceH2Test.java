package dev.cinema.standalone;

import dev.cinema.platform.testsupport.H2Database;
import java.util.Map;

class SeatRaceH2Test extends SeatRaceTest {

    @Override
    Map<String, Object> database() {
        return H2Database.properties();
    }

    @Override
    boolean writersTakeTurns() {
        return false;
    }
}
