package dev.cinema.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "rebuild-status",
        mixinStandardHelpOptions = true,
        description = "Shows a rebuild: phase, progress, positions, both checksums and any differing buckets.")
final class RebuildStatusCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The projection, e.g. seat-maps.")
    String name;

    @Parameters(index = "1", paramLabel = "ID", description = "The rebuild's id, as 'rebuild' printed it.")
    String id;

    @Option(names = "--json", description = "Print the answer as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Session session = session();
        JsonNode view = session.api()
                .get(session.query(), "/api/ops/projections/" + Api.segment(name) + "/rebuilds/" + Api.segment(id))
                .json();
        if (json) {
            out().println(Json.pretty(view));
        } else {
            Rebuilds.printDetails(out(), view);
        }
        return ExitCodes.OK;
    }
}
