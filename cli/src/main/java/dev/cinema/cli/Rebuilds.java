package dev.cinema.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Reading and printing the rebuild view: its phase, its progress, its outcome. */
final class Rebuilds {

    static final Set<String> TERMINAL_PHASES = Set.of("SWITCHED", "FAILED", "READY");

    private Rebuilds() {}

    static String phase(JsonNode view) {
        String phase = Json.text(view, "phase");
        return phase == null ? "UNKNOWN" : phase.toUpperCase(Locale.ROOT);
    }

    static boolean isTerminal(JsonNode view) {
        return TERMINAL_PHASES.contains(phase(view));
    }

    /** The rebuilt slot's checksum differs from the active one's (at the same cut). */
    static boolean isMismatch(JsonNode view) {
        JsonNode buckets = view.path("differingBuckets");
        if (buckets.isArray() && !buckets.isEmpty()) {
            return true;
        }
        String active = Json.text(view.path("checksums"), "active");
        String rebuilt = Json.text(view.path("checksums"), "rebuilt");
        return active != null && rebuilt != null && !active.equals(rebuilt);
    }

    /** {@code REPLAYING  45.2%  12,345 events/s  0:42 left  position 1,234 of 5,678}. */
    static String progress(JsonNode view) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-9s", phase(view)));
        Double percent = Json.decimal(view, "percent");
        line.append(String.format(Locale.ROOT, "  %5.1f%%", percent == null ? 0.0 : percent));
        Double rate = Json.decimal(view, "eventsPerSecond");
        line.append(String.format(Locale.ROOT, "  %,.0f events/s", rate == null ? 0.0 : rate));
        line.append("  ").append(duration(Json.number(view, "secondsLeft"))).append(" left");
        JsonNode positions = view.path("positions");
        Long rebuilt = Json.number(positions, "rebuilt");
        Long head = Json.number(positions, "head");
        if (head != null) {
            line.append(String.format(
                    Locale.ROOT, "  position %s of %,d", rebuilt == null ? "-" : String.format("%,d", rebuilt), head));
        }
        return line.toString();
    }

    /** {@code [#########-----------]} for a percent from 0 to 100. */
    static String bar(JsonNode view, int width) {
        Double percent = Json.decimal(view, "percent");
        double clamped = Math.max(0, Math.min(100, percent == null ? 0 : percent));
        int done = (int) Math.round(clamped / 100 * width);
        return "[" + "#".repeat(done) + "-".repeat(width - done) + "]";
    }

    static String duration(Long seconds) {
        if (seconds == null || seconds < 0) {
            return "--:--";
        }
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        return hours > 0
                ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
                : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
    }

    /**
     * Says how a finished rebuild ended and answers the exit code: 0 when switched, or verified and
     * waiting for a switch; 1 when it failed or its checksums differ.
     */
    static int outcome(Io io, String projection, JsonNode view) {
        String id = Json.text(view, "id");
        String target = Json.text(view, "targetSlot");
        switch (phase(view)) {
            case "SWITCHED" -> {
                io.out()
                        .println("Switched: " + projection + " now answers from slot " + target + " (checksum "
                                + Json.text(view.path("checksums"), "rebuilt") + ").");
                return ExitCodes.OK;
            }
            case "FAILED" -> {
                io.err().println("Rebuild " + id + " of " + projection + " failed: " + Json.text(view, "error"));
                return ExitCodes.FAILED;
            }
            case "READY" -> {
                if (isMismatch(view)) {
                    printMismatch(io.err(), projection, view);
                    return ExitCodes.FAILED;
                }
                io.out()
                        .println("Verified: slot " + target + " matches the active slot (checksum "
                                + Json.text(view.path("checksums"), "rebuilt") + ").");
                if (!Boolean.TRUE.equals(Json.flag(view, "autoSwitch"))) {
                    io.out()
                            .println("Not switched (--no-auto-switch): run 'cinema switch " + projection
                                    + "' to answer from it.");
                }
                return ExitCodes.OK;
            }
            default -> throw new IllegalStateException("not finished: " + phase(view));
        }
    }

    static void printMismatch(PrintWriter out, String projection, JsonNode view) {
        JsonNode checksums = view.path("checksums");
        out.println("Checksums differ: slot " + Json.text(view, "targetSlot") + " of " + projection
                + " was rebuilt but not switched in.");
        out.println("  active  (slot " + Json.text(view, "activeSlot") + "): " + Json.text(checksums, "active"));
        out.println("  rebuilt (slot " + Json.text(view, "targetSlot") + "): " + Json.text(checksums, "rebuilt"));
        printBuckets(out, view);
        out.println("Find out why, then rebuild again, or 'cinema switch " + projection
                + " --force' to answer from the rebuilt slot anyway.");
        out.flush();
    }

    static void printBuckets(PrintWriter out, JsonNode view) {
        JsonNode buckets = view.path("differingBuckets");
        if (!buckets.isArray() || buckets.isEmpty()) {
            return;
        }
        out.println("Differing buckets:");
        Table table = new Table("TABLE", "BUCKET", "ACTIVE", "REBUILT");
        for (JsonNode bucket : buckets) {
            table.row(
                    Json.text(bucket, "table"),
                    Json.text(bucket, "bucket"),
                    Json.text(bucket, "active"),
                    Json.text(bucket, "rebuilt"));
        }
        table.print(out);
    }

    /** Everything the view says, for {@code rebuild-status}. */
    static void printDetails(PrintWriter out, JsonNode view) {
        JsonNode positions = view.path("positions");
        JsonNode checksums = view.path("checksums");
        Table table = new Table("field", "value");
        table.row("rebuild", Json.text(view, "id") + " of " + Json.text(view, "projection"));
        table.row(
                "phase",
                phase(view) + " (rebuilding slot " + Json.text(view, "targetSlot") + ", active slot "
                        + Json.text(view, "activeSlot") + ", auto-switch "
                        + (Boolean.TRUE.equals(Json.flag(view, "autoSwitch")) ? "on" : "off") + ")");
        table.row("progress", progress(view).substring(phase(view).length()).strip());
        table.row(
                "positions",
                "rebuilt " + dash(Json.number(positions, "rebuilt")) + ", active "
                        + dash(Json.number(positions, "active")) + ", head " + dash(Json.number(positions, "head"))
                        + " (" + dash(Json.number(positions, "headAtStart")) + " at start), cut "
                        + dash(Json.number(view, "cut")));
        table.row(
                "checksums",
                "active " + dash(Json.text(checksums, "active")) + ", rebuilt " + dash(Json.text(checksums, "rebuilt"))
                        + (isMismatch(view) ? " (DIFFERENT)" : ""));
        table.row("started", Json.text(view, "startedAt"));
        table.row("updated", Json.text(view, "updatedAt"));
        table.row("error", Json.text(view, "error"));
        table.printWithoutHeaders(out);
        printBuckets(out, view);
        out.flush();
    }

    private static String dash(Object value) {
        return Objects.toString(value, "-");
    }
}
