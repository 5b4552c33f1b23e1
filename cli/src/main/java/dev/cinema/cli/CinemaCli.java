package dev.cinema.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code cinema}: the analysts' command-line client. Logs in on the command side, then talks to
 * the query side's operations and analytics endpoints (and the command side's processor list).
 */
@Command(
        name = "cinema",
        mixinStandardHelpOptions = true,
        versionProvider = CinemaCli.Version.class,
        description = "The cinema ticketing system's client for analysts: processors, projection rebuilds, "
                + "dead letters and analytics exports.",
        subcommands = {
            CommandLine.HelpCommand.class,
            LoginCommand.class,
            ProcessorsCommand.class,
            ProjectionsCommand.class,
            RebuildCommand.class,
            RebuildStatusCommand.class,
            SwitchCommand.class,
            SwitchBackCommand.class,
            DeadLettersCommand.class,
            AnalyticsCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:a call failed (the problem is printed), a rebuild failed or its checksums differ",
            "2:bad arguments (usage printed)",
            "3:not ready yet: an analytics projection is still catching up"
        },
        footer = {
            "",
            "The token and both URLs are kept in ~/.cinema-cli.json (owner-only), or in the file named by "
                    + "--config or CINEMA_CLI_CONFIG. CINEMA_TOKEN, CINEMA_COMMAND_URL and CINEMA_QUERY_URL "
                    + "override what is saved."
        })
public final class CinemaCli {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description =
                    "Where login keeps the token and URLs (default: $CINEMA_CLI_CONFIG, else ~/.cinema-cli.json).")
    Path config;

    private final Io io;

    CinemaCli(Io io) {
        this.io = io;
    }

    public static void main(String[] args) {
        System.exit(run(Io.system(), args));
    }

    /** Runs one command line and answers its exit code (see {@link ExitCodes}). */
    static int run(Io io, String... args) {
        CommandLine cli = commandLine(io);
        try {
            return cli.execute(args);
        } finally {
            io.out().flush();
            io.err().flush();
        }
    }

    static CommandLine commandLine(Io io) {
        CommandLine cli = new CommandLine(new CinemaCli(io));
        cli.setOut(io.out());
        cli.setErr(io.err());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // picocli prints only the suggestions for an unknown command or option; always add the usage.
        cli.setParameterExceptionHandler((exception, args) -> {
            CommandLine command = exception.getCommandLine();
            PrintWriter err = command.getErr();
            err.println(exception.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(exception, err);
            command.usage(err);
            err.flush();
            return command.getCommandSpec().exitCodeOnInvalidInput();
        });
        cli.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (exception instanceof ApiFailure failure) {
                Problems.print(err, failure);
                return ExitCodes.FAILED;
            }
            if (exception instanceof CliFailure failure) {
                err.println(failure.getMessage());
                return failure.exitCode();
            }
            err.println("Unexpected error: " + exception);
            return ExitCodes.FAILED;
        });
        return cli;
    }

    Io io() {
        return io;
    }

    Path configFile() {
        return CliConfig.location(config, io);
    }

    static String version() {
        try (InputStream in = CinemaCli.class.getResourceAsStream("/cinema-cli.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "development");
            }
        } catch (IOException e) {
            // fall through: a version is nice to have, not worth failing for
        }
        return "development";
    }

    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() {
            return new String[] {"cinema-cli " + version(), "Java " + System.getProperty("java.version")};
        }
    }
}
