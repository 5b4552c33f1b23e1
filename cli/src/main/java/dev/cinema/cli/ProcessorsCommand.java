package dev.cinema.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "processors",
        mixinStandardHelpOptions = true,
        description = "Lists an app's event processors: mode, running, position against the head of the event store, "
                + "lag, caught up, replaying, dead letters and last error.")
final class ProcessorsCommand extends ApiCommand {

    enum App {
        QUERY,
        COMMAND
    }

    @Option(
            names = "--app",
            paramLabel = "APP",
            defaultValue = "query",
            description = "query or command (default: ${DEFAULT-VALUE}).")
    App app;

    @Option(names = "--json", description = "Print the answer as JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        Session session = session();
        Api.Side side = app == App.COMMAND ? session.command() : session.query();
        JsonNode processors = session.api().get(side, "/api/ops/processors").json();
        if (json) {
            out().println(Json.pretty(processors));
            return ExitCodes.OK;
        }
        Table table = new Table(
                "NAME",
                "MODE",
                "RUNNING",
                "POSITION/HEAD",
                "LAG",
                "CAUGHT UP",
                "REPLAYING",
                "DEAD LETTERS",
                "LAST ERROR");
        for (JsonNode processor : processors) {
            table.row(
                    Json.text(processor, "name"),
                    Json.text(processor, "mode"),
                    Json.flag(processor, "running"),
                    positionAndHead(processor),
                    Json.number(processor, "lag"),
                    caughtUp(processor),
                    replaying(processor),
                    Json.number(processor, "deadLetters"),
                    lastError(processor));
        }
        if (table.isEmpty()) {
            out().println("No event processors on the " + side.name() + ".");
        } else {
            table.print(out());
        }
        return ExitCodes.OK;
    }

    /** The slowest segment's position (what a replay or a reader waits for), over the head. */
    static String positionAndHead(JsonNode processor) {
        Long position = null;
        for (JsonNode segment : processor.path("segments")) {
            Long reached = Json.number(segment, "position");
            if (reached != null && (position == null || reached < position)) {
                position = reached;
            }
        }
        Long head = Json.number(processor, "headPosition");
        if (position == null && head == null) {
            return null;
        }
        return (position == null ? "-" : String.valueOf(position)) + (head == null ? "" : "/" + head);
    }

    private static Boolean caughtUp(JsonNode processor) {
        Boolean caughtUp = Json.flag(processor, "caughtUp");
        if (caughtUp != null
                || !processor.path("segments").isArray()
                || processor.path("segments").isEmpty()) {
            return caughtUp;
        }
        boolean all = true;
        for (JsonNode segment : processor.path("segments")) {
            all &= segment.path("caughtUp").asBoolean(false);
        }
        return all;
    }

    private static Boolean replaying(JsonNode processor) {
        Boolean replaying = Json.flag(processor, "replaying");
        if (replaying != null || !processor.path("segments").isArray()) {
            return replaying;
        }
        boolean any = false;
        for (JsonNode segment : processor.path("segments")) {
            any |= segment.path("replaying").asBoolean(false);
        }
        return any;
    }

    private static String lastError(JsonNode processor) {
        String lastError = Json.text(processor, "lastError");
        if (lastError != null) {
            return lastError;
        }
        for (JsonNode segment : processor.path("segments")) {
            String error = Json.text(segment, "error");
            if (error != null) {
                return "segment " + segment.path("segment").asInt() + ": " + error;
            }
        }
        return Boolean.TRUE.equals(Json.flag(processor, "error")) ? "in error" : null;
    }
}
