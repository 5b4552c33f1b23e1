package dev.cinema.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "rebuild",
        mixinStandardHelpOptions = true,
        description = {
            "Rebuilds a projection into its other slot while queries keep answering from the active one, and "
                    + "follows it: a live progress bar on a terminal, a line per update otherwise.",
            "Ends with 0 when switched (or verified, with --no-auto-switch), 1 when it failed or the checksums "
                    + "differ (both are printed, with the differing buckets)."
        })
final class RebuildCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The projection, e.g. seat-maps (see 'projections').")
    String name;

    @Option(
            names = "--no-auto-switch",
            description = "Stop at READY once verified; switch later with 'cinema switch NAME'.")
    boolean noAutoSwitch;

    @Option(
            names = "--follow",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Follow the rebuild until it ends (default); --no-follow only starts it.")
    boolean follow;

    @Option(
            names = "--interval",
            hidden = true,
            paramLabel = "MILLIS",
            defaultValue = "500",
            description = "Milliseconds between two polls while following.")
    long intervalMillis;

    @Override
    public Integer call() {
        Session session = session();
        String path = "/api/ops/projections/" + Api.segment(name) + "/rebuilds";
        Api.Reply started = session.api().post(session.query(), path, Map.of("autoSwitch", !noAutoSwitch));
        JsonNode view = started.json();
        String id = Json.text(view, "id");
        String location = started.header("Location");
        URI status = location != null
                ? session.query().resolve(location)
                : session.query().uri(path + "/" + Api.segment(id));
        out().println("Rebuild " + id + " of " + name + " started: slot " + Json.text(view, "targetSlot")
                + " is being rebuilt, slot " + Json.text(view, "activeSlot") + " keeps answering.");
        if (!follow) {
            out().println("Follow it with: cinema rebuild-status " + name + " " + id);
            return ExitCodes.OK;
        }
        return follow(session, status, view);
    }

    private int follow(Session session, URI status, JsonNode first) {
        Progress progress = new Progress(out(), io().terminal());
        JsonNode view = first;
        while (true) {
            progress.show(view);
            if (Rebuilds.isTerminal(view)) {
                break;
            }
            pause();
            view = session.api().get(session.query(), status).json();
        }
        progress.finish();
        return Rebuilds.outcome(io(), name, view);
    }

    private void pause() {
        try {
            Thread.sleep(intervalMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("Interrupted; the rebuild goes on: 'cinema rebuild-status' shows it.");
        }
    }

    /**
     * On a terminal, one line redrawn in place ({@code \r}); in a pipe or a file, a line each time
     * something changed.
     */
    static final class Progress {

        private static final int BAR_WIDTH = 30;

        private final PrintWriter out;
        private final boolean terminal;
        private String last = "";

        Progress(PrintWriter out, boolean terminal) {
            this.out = out;
            this.terminal = terminal;
        }

        void show(JsonNode view) {
            String line = Rebuilds.progress(view);
            if (terminal) {
                String drawn = Rebuilds.bar(view, BAR_WIDTH) + " " + line;
                out.print("\r" + drawn + " ".repeat(Math.max(0, last.length() - drawn.length())));
                last = drawn;
            } else if (!line.equals(last)) {
                out.println(line);
                last = line;
            }
            out.flush();
        }

        void finish() {
            if (terminal && !last.isEmpty()) {
                out.println();
            }
        }
    }
}
