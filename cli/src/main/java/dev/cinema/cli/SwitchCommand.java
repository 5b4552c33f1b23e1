package dev.cinema.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "switch",
        mixinStandardHelpOptions = true,
        description = "Switches a projection to its rebuilt slot (a READY rebuild), in one transaction on every node.")
final class SwitchCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The projection, e.g. seat-maps.")
    String name;

    @Option(names = "--force", description = "Switch even though the checksums differ.")
    boolean force;

    @Override
    public Integer call() {
        Session session = session();
        String path = "/api/ops/projections/" + Api.segment(name) + "/switch" + (force ? "?force=true" : "");
        Projections.printSwitched(
                out(), name, session.api().post(session.query(), path, null).json());
        return ExitCodes.OK;
    }
}
