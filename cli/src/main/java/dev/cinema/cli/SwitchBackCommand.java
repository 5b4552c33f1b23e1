package dev.cinema.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "switch-back",
        mixinStandardHelpOptions = true,
        description = "Switches a projection back to the slot it answered from before the last switch.")
final class SwitchBackCommand extends ApiCommand {

    @Parameters(index = "0", paramLabel = "NAME", description = "The projection, e.g. seat-maps.")
    String name;

    @Override
    public Integer call() {
        Session session = session();
        String path = "/api/ops/projections/" + Api.segment(name) + "/switch-back";
        Projections.printSwitched(
                out(), name, session.api().post(session.query(), path, null).json());
        return ExitCodes.OK;
    }
}
