package dev.cinema.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "analytics",
        mixinStandardHelpOptions = true,
        description = {
            "Exports a report as CSV (a header line, then a row per group; money per currency), to a file or "
                    + "standard output.",
            "Ends with 3 while the report's projection is still catching up (its progress is printed)."
        })
final class AnalyticsCommand extends ApiCommand {

    enum Report {
        SALES,
        OCCUPANCY,
        REFUNDS
    }

    enum GroupBy {
        FILM,
        CINEMA,
        LOCATION,
        DAY
    }

    @Parameters(index = "0", paramLabel = "REPORT", description = "sales, occupancy or refunds.")
    Report report;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "WHEN",
            description = "From (included): an ISO instant (2026-03-01T00:00:00Z) or date (2026-03-01).")
    String from;

    @Option(names = "--to", required = true, paramLabel = "WHEN", description = "To (excluded), as --from.")
    String to;

    @Option(
            names = "--group-by",
            paramLabel = "KEY",
            description = "film, cinema, location or day (days in the cinema's zone; default: the server's).")
    GroupBy groupBy;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the CSV here instead of standard output.")
    Path output;

    @Override
    public Integer call() {
        Session session = session();
        String name = report.name().toLowerCase(Locale.ROOT);
        String query = Api.query(Api.parameters(
                "from",
                from,
                "to",
                to,
                "groupBy",
                groupBy == null ? null : groupBy.name().toLowerCase(Locale.ROOT),
                "format",
                "csv"));
        Api.Reply reply;
        try {
            reply = session.api()
                    .send(
                            "GET",
                            session.query(),
                            session.query().uri("/api/analytics/" + name + query),
                            null,
                            "text/csv, application/problem+json");
        } catch (ApiFailure failure) {
            if (failure.status() == 503 && isCatchingUp(failure)) {
                return notReady(name, failure);
            }
            throw failure;
        }
        String csv = reply.body() == null ? "" : reply.body();
        if (output == null) {
            out().print(csv);
            out().flush();
        } else {
            try {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(output, csv, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliFailure("Cannot write " + output + ": " + e.getMessage());
            }
            long rows = Math.max(0, csv.lines().count() - 1);
            out().println("Wrote " + name + " (" + rows + " row" + (rows == 1 ? "" : "s") + ") to " + output + ".");
        }
        return ExitCodes.OK;
    }

    private static boolean isCatchingUp(ApiFailure failure) {
        JsonNode problem = failure.problem();
        return problem != null
                && ("projection-catching-up".equals(Json.text(problem, "code")) || problem.has("progress"));
    }

    private int notReady(String name, ApiFailure failure) {
        JsonNode problem = failure.problem();
        JsonNode progress = problem.path("progress");
        Double percent = Json.decimal(progress, "percent");
        StringBuilder message = new StringBuilder("Not ready yet: the " + name + " report is still catching up");
        if (percent != null) {
            message.append(String.format(Locale.ROOT, ", %.1f%% done", percent));
        }
        Long position = Json.number(progress, "position");
        Long head = Json.number(progress, "head");
        if (position != null || head != null) {
            message.append(" (position ")
                    .append(position == null ? "-" : position)
                    .append(" of ")
                    .append(head == null ? "-" : head)
                    .append(")");
        }
        String retryAfter = failure.reply().header("Retry-After");
        message.append(retryAfter == null ? "; try again shortly." : "; try again in " + retryAfter + " s.");
        err().println(message);
        String detail = Json.text(problem, "detail");
        if (detail != null) {
            err().println("  detail: " + detail);
        }
        return ExitCodes.NOT_READY;
    }
}
