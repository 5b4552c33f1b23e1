package dev.cinema.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "dead-letters",
        mixinStandardHelpOptions = true,
        description = "Events a projection failed on, parked with the rest of their sequence: list, retry, discard.",
        subcommands = {
            DeadLettersCommand.ListCommand.class,
            DeadLettersCommand.Retry.class,
            DeadLettersCommand.Discard.class
        })
final class DeadLettersCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the parked events, oldest first.")
    static final class ListCommand extends ApiCommand {

        @Option(names = "--processor", paramLabel = "P", description = "Only this processor's, e.g. query-seat-maps.")
        String processor;

        @Option(names = "--page", paramLabel = "N", description = "The page, from 0 (default: the server's, 0).")
        Integer page;

        @Option(names = "--size", paramLabel = "N", description = "Per page, 1-100 (default: the server's, 20).")
        Integer size;

        @Option(names = "--json", description = "Print the answer as JSON instead of a table.")
        boolean json;

        @Override
        public Integer call() {
            Session session = session();
            String query = Api.query(Api.parameters("processor", processor, "page", page, "size", size));
            JsonNode answer = session.api()
                    .get(session.query(), "/api/ops/dead-letters" + query)
                    .json();
            if (json) {
                out().println(Json.pretty(answer));
                return ExitCodes.OK;
            }
            Table table = new Table(
                    "ID", "PROCESSOR", "SEQUENCE", "EVENT", "GLOBAL INDEX", "ENQUEUED AT", "LAST TOUCHED", "CAUSE");
            for (JsonNode letter : answer.path("items")) {
                String causeType = Json.text(letter, "causeType");
                String causeMessage = Json.text(letter, "causeMessage");
                table.row(
                        Json.text(letter, "id"),
                        Json.text(letter, "processor"),
                        Json.text(letter, "sequenceIdentifier"),
                        Json.text(letter, "eventType"),
                        Json.number(letter, "globalIndex"),
                        Json.text(letter, "enqueuedAt"),
                        Json.text(letter, "lastTouched"),
                        causeType == null
                                ? causeMessage
                                : causeType + (causeMessage == null ? "" : ": " + causeMessage));
            }
            JsonNode pageInfo = answer.path("page");
            if (table.isEmpty()) {
                out().println("No dead letters" + (processor == null ? "" : " for " + processor) + ".");
            } else {
                table.print(out());
            }
            if (pageInfo.isObject() && Json.number(pageInfo, "totalElements") != null) {
                long total = Json.number(pageInfo, "totalElements");
                long number = pageInfo.path("number").asLong();
                long pages = pageInfo.path("totalPages").asLong();
                if (total > 0) {
                    out().println("Page " + number + " (from 0) of " + pages + ", " + total + " dead letter"
                            + (total == 1 ? "" : "s") + " in all.");
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "retry",
            mixinStandardHelpOptions = true,
            description =
                    "Hands a parked event to its handler again; ends with 1 when it fails again (it stays parked).")
    static final class Retry extends ApiCommand {

        @Parameters(index = "0", paramLabel = "ID", description = "The dead letter's id.")
        String id;

        @Override
        public Integer call() {
            Session session = session();
            JsonNode answer = session.api()
                    .post(session.query(), "/api/ops/dead-letters/" + Api.segment(id) + "/retry", null)
                    .json();
            if (Boolean.TRUE.equals(Json.flag(answer, "processed"))) {
                out().println("Dead letter " + id + " processed; it is no longer parked.");
                return ExitCodes.OK;
            }
            err().println("Dead letter " + id
                    + " failed again and stays parked ('dead-letters list' shows the cause).");
            return ExitCodes.FAILED;
        }
    }

    @Command(
            name = "discard",
            mixinStandardHelpOptions = true,
            description = "Deletes a parked event for good: the projection never sees it.")
    static final class Discard extends ApiCommand {

        @Parameters(index = "0", paramLabel = "ID", description = "The dead letter's id.")
        String id;

        @Override
        public Integer call() {
            Session session = session();
            session.api().delete(session.query(), "/api/ops/dead-letters/" + Api.segment(id));
            out().println("Dead letter " + id + " discarded.");
            return ExitCodes.OK;
        }
    }
}
