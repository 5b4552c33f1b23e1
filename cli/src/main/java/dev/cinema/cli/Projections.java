package dev.cinema.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** Printing the projection view that switch and switch-back answer. */
final class Projections {

    private Projections() {}

    static void printSwitched(PrintWriter out, String name, JsonNode projection) {
        String slot = Json.text(projection, "activeSlot");
        String group = slot == null ? null : Json.text(projection.path("processingGroups"), slot);
        out.println(name + " now answers from slot " + slot + (group == null ? "" : " (" + group + ")") + ".");
        out.flush();
    }
}
