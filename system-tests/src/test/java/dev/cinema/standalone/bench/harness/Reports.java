package dev.cinema.standalone.bench.harness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a run as {@code bench-results.md} (a table for people) and {@code bench-results.json}. */
final class Reports {

    static final String MARKDOWN = "bench-results.md";
    static final String JSON = "bench-results.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Reports() {}

    static void write(HarnessRun run, Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(MARKDOWN), markdown(run));
        MAPPER.writeValue(directory.resolve(JSON).toFile(), run);
    }

    static String markdown(HarnessRun run) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results")
                .append(run.smoke() ? " (smoke run: the figures mean nothing)" : "")
                .append("\n\n");
        md.append("- started: ").append(run.startedAt()).append('\n');
        md.append("- server: ").append(run.server()).append('\n');
        md.append("- version: ").append(run.settings().version()).append('\n');
        md.append("- settings: ")
                .append(run.settings().durability().entrySet().stream()
                        .map(setting -> setting.getKey() + "=" + setting.getValue())
                        .collect(Collectors.joining(", ")))
                .append('\n');
        md.append("- a fresh database per scenario: ")
                .append(run.freshDatabases() ? "yes" : "no (the role may not create databases)")
                .append('\n');
        md.append("- machine: ")
                .append(run.cores())
                .append(" cores, Java ")
                .append(run.java())
                .append("\n\n");
        md.append("| scenario | configuration | count | throughput | p50 ms | p99 ms | max ms | errors by kind |"
                + " against baselines | target | memory |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ScenarioResult result : run.scenarios()) {
            md.append("| ")
                    .append(result.name())
                    .append(" | ")
                    .append(cell(result.configuration()))
                    .append(" | ")
                    .append(result.count())
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%,.0f %s", result.throughput(), result.unit()))
                    .append(" | ")
                    .append(ms(result.latency().p50Ms()))
                    .append(" | ")
                    .append(ms(result.latency().p99Ms()))
                    .append(" | ")
                    .append(ms(result.latency().maxMs()))
                    .append(" | ")
                    .append(errors(result.errors()))
                    .append(" | ")
                    .append(ratios(result.ratios()))
                    .append(" | ")
                    .append(target(result))
                    .append(" | ")
                    .append(cell(result.memory()))
                    .append(" |\n");
        }
        for (ScenarioResult result : run.scenarios()) {
            for (String note : result.notes()) {
                md.append("\n- ").append(result.name()).append(": ").append(note);
            }
        }
        return md.append('\n').toString();
    }

    private static String ms(double millis) {
        return Double.isNaN(millis) ? "-" : String.format(Locale.ROOT, "%.1f", millis);
    }

    private static String errors(Map<String, Long> errors) {
        return errors.isEmpty()
                ? "none"
                : cell(errors.entrySet().stream()
                        .map(error -> error.getKey() + ": " + error.getValue())
                        .collect(Collectors.joining(", ")));
    }

    private static String ratios(Map<String, Double> ratios) {
        return ratios.isEmpty()
                ? "-"
                : ratios.entrySet().stream()
                        .map(ratio -> String.format(
                                Locale.ROOT,
                                ratio.getValue() < 0.1 ? "%.3f× %s" : "%.2f× %s",
                                ratio.getValue(),
                                ratio.getKey()))
                        .collect(Collectors.joining(", "));
    }

    private static String target(ScenarioResult result) {
        if (result.targetMet() == null) {
            return result.target();
        }
        return result.target() + (result.targetMet() ? " **met**" : " **not met**");
    }

    /** Text that may hold a pipe or a line break, made safe for one table cell. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
