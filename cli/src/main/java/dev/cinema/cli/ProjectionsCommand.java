package dev.cinema.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "projections",
        mixinStandardHelpOptions = true,
        description = "Lists the rebuildable projections: active slot and its processing group, position, last "
                + "verified checksum, and the rebuild under way if any.")
final class ProjectionsCommand extends ApiCommand {

    @Option(names = "--json", description = "Print the answer as JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        Session session = session();
        JsonNode projections =
                session.api().get(session.query(), "/api/ops/projections").json();
        if (json) {
            out().println(Json.pretty(projections));
            return ExitCodes.OK;
        }
        Table table = new Table(
                "NAME", "ACTIVE", "PROCESSING GROUP", "POSITION", "LAST VERIFIED CHECKSUM", "VERIFIED AT", "REBUILD");
        for (JsonNode projection : projections) {
            String active = Json.text(projection, "activeSlot");
            JsonNode rebuild = projection.get("rebuild");
            table.row(
                    Json.text(projection, "name"),
                    active,
                    active == null ? null : Json.text(projection.path("processingGroups"), active),
                    Json.number(projection, "position"),
                    Json.text(projection, "lastVerifiedChecksum"),
                    Json.text(projection, "lastVerifiedAt"),
                    rebuild == null || rebuild.isNull()
                            ? null
                            : Json.text(rebuild, "phase") + " " + Json.text(rebuild, "id"));
        }
        if (table.isEmpty()) {
            out().println("No projections.");
        } else {
            table.print(out());
        }
        return ExitCodes.OK;
    }
}
