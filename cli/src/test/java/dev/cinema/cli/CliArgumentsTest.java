package dev.cinema.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Bad arguments end with exit code 2 and the command's usage on standard error, before any call
 * is made; help and version end with 0.
 */
class CliArgumentsTest {

    @TempDir
    Path home;

    CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = new CliRunner(home);
        // A token, so that nothing fails for want of a login: only the arguments are wrong.
        cli.env.put("CINEMA_TOKEN", "a-token");
        // Nothing listens here: a call that slipped through would end with 1, not 2.
        cli.env.put("CINEMA_QUERY_URL", "http://127.0.0.1:9");
        cli.env.put("CINEMA_COMMAND_URL", "http://127.0.0.1:9");
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of("no command", new String[] {}, "Missing required subcommand", "Usage: cinema "),
                Arguments.of("unknown command", new String[] {"frobnicate"}, "Unmatched argument", "Usage: cinema "),
                Arguments.of(
                        "unknown option",
                        new String[] {"processors", "--verbose"},
                        "Unknown option: '--verbose'",
                        "Usage: cinema processors"),
                Arguments.of(
                        "unknown global option",
                        new String[] {"--colour", "processors"},
                        "Unknown option: '--colour'",
                        "Usage: cinema "),
                Arguments.of(
                        "rebuild without a name",
                        new String[] {"rebuild"},
                        "Missing required parameter: 'NAME'",
                        "Usage: cinema rebuild"),
                Arguments.of(
                        "rebuild with two names",
                        new String[] {"rebuild", "seat-maps", "listings"},
                        "Unmatched argument",
                        "Usage: cinema rebuild"),
                Arguments.of(
                        "rebuild-status without an id",
                        new String[] {"rebuild-status", "seat-maps"},
                        "Missing required parameter: 'ID'",
                        "Usage: cinema rebuild-status"),
                Arguments.of(
                        "switch without a name",
                        new String[] {"switch", "--force"},
                        "Missing required parameter: 'NAME'",
                        "Usage: cinema switch"),
                Arguments.of(
                        "switch-back without a name",
                        new String[] {"switch-back"},
                        "Missing required parameter: 'NAME'",
                        "Usage: cinema switch-back"),
                Arguments.of(
                        "login without an e-mail",
                        new String[] {"login", "--password", "x"},
                        "Missing required option: '--email=EMAIL'",
                        "Usage: cinema login"),
                Arguments.of(
                        "login with a URL that is not http",
                        new String[] {"login", "--email", "a@b.c", "--password", "x", "--command-url", "ftp://host"},
                        "'ftp://host' is not an http(s) URL",
                        "Usage: cinema login"),
                Arguments.of(
                        "an --app that does not exist",
                        new String[] {"processors", "--app", "billing"},
                        "Invalid value for option '--app'",
                        "Usage: cinema processors"),
                Arguments.of(
                        "dead-letters without a subcommand",
                        new String[] {"dead-letters"},
                        "Missing required subcommand",
                        "Usage: cinema dead-letters"),
                Arguments.of(
                        "dead-letters retry without an id",
                        new String[] {"dead-letters", "retry"},
                        "Missing required parameter: 'ID'",
                        "Usage: cinema dead-letters retry"),
                Arguments.of(
                        "dead-letters list with a page that is not a number",
                        new String[] {"dead-letters", "list", "--page", "first"},
                        "Invalid value for option '--page'",
                        "Usage: cinema dead-letters list"),
                Arguments.of(
                        "analytics without --from",
                        new String[] {"analytics", "sales", "--to", "2026-04-01"},
                        "Missing required option: '--from=WHEN'",
                        "Usage: cinema analytics"),
                Arguments.of(
                        "analytics without a report",
                        new String[] {"analytics", "--from", "2026-03-01", "--to", "2026-04-01"},
                        "Missing required parameter: 'REPORT'",
                        "Usage: cinema analytics"),
                Arguments.of(
                        "a report that does not exist",
                        new String[] {"analytics", "revenue", "--from", "2026-03-01", "--to", "2026-04-01"},
                        "Invalid value for positional parameter at index 0 (REPORT)",
                        "Usage: cinema analytics"),
                Arguments.of(
                        "a grouping that does not exist",
                        new String[] {
                            "analytics", "sales", "--from", "2026-03-01", "--to", "2026-04-01", "--group-by", "week"
                        },
                        "Invalid value for option '--group-by'",
                        "Usage: cinema analytics"),
                Arguments.of(
                        "an option without its value",
                        new String[] {"processors", "--app"},
                        "Missing required parameter for option '--app'",
                        "Usage: cinema processors"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badArguments")
    void badArgumentsPrintTheUsageOnStandardErrorAndEndWithTwo(
            String what, String[] args, String message, String usage) {
        CliRunner.Result result = cli.run(args);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains(message).contains(usage);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void loginWithoutAPasswordAnywhereIsABadArgument() {
        cli.stdin = "";

        CliRunner.Result result = cli.run("login", "--email", "analyst@cinema.dev");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err())
                .contains("No password: give --password or type it on standard input")
                .contains("Usage: cinema login");
    }

    @Test
    void theExitCodeForBadArgumentsIsTwo() {
        assertThat(CinemaCli.commandLine(ioFor(home)).getCommandSpec().exitCodeOnInvalidInput())
                .isEqualTo(ExitCodes.USAGE)
                .isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} --help")
    @ValueSource(
            strings = {
                "",
                "login",
                "processors",
                "projections",
                "rebuild",
                "rebuild-status",
                "switch",
                "switch-back",
                "dead-letters",
                "dead-letters list",
                "dead-letters retry",
                "dead-letters discard",
                "analytics"
            })
    void helpPrintsTheUsageAndEndsWithZero(String command) {
        String[] args = Stream.concat(
                        command.isEmpty() ? Stream.empty() : Stream.of(command.split(" ")), Stream.of("--help"))
                .toArray(String[]::new);

        CliRunner.Result result = cli.run(args);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith(("Usage: cinema " + command).trim());
        assertThat(result.err()).isEmpty();
    }

    @Test
    void theTopLevelHelpListsEveryCommandAndTheExitCodes() {
        CliRunner.Result result = cli.run("--help");

        assertThat(result.out())
                .contains(
                        "login",
                        "processors",
                        "projections",
                        "rebuild",
                        "rebuild-status",
                        "switch",
                        "switch-back",
                        "dead-letters",
                        "analytics")
                .contains("Exit codes:")
                .contains("2   bad arguments")
                .contains("3   not ready yet");
    }

    @Test
    void helpAsACommandWorksToo() {
        CliRunner.Result result = cli.run("help", "rebuild");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: cinema rebuild").contains("--[no-]follow", "--no-auto-switch");
    }

    @Test
    void versionPrintsTheBuildsVersion() {
        CliRunner.Result result = cli.run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("cinema-cli ").doesNotContain("@project.version@");
        assertThat(result.out().lines().findFirst().orElseThrow()).matches("cinema-cli \\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void theDefaultConfigLivesInTheShellsHomeWhenItHasOne() {
        assertThat(Io.home("/home/rae")).isEqualTo(Path.of("/home/rae"));
        assertThat(Io.home(" ")).isEqualTo(Path.of(System.getProperty("user.home")));
        assertThat(Io.home(null)).isEqualTo(Path.of(System.getProperty("user.home")));
    }

    @Test
    void followIsOnByDefaultAndCanBeTurnedOff() {
        assertThat(follow("rebuild", "seat-maps")).isTrue();
        assertThat(follow("rebuild", "seat-maps", "--follow")).isTrue();
        assertThat(follow("rebuild", "seat-maps", "--no-follow")).isFalse();
    }

    @Test
    void enumValuesAreCaseInsensitive() {
        CommandLine.ParseResult parsed = CinemaCli.commandLine(ioFor(home)).parseArgs("processors", "--app", "COMMAND");

        assertThat(((ProcessorsCommand) parsed.subcommand().commandSpec().userObject()).app)
                .isEqualTo(ProcessorsCommand.App.COMMAND);
    }

    private boolean follow(String... args) {
        CommandLine.ParseResult parsed = CinemaCli.commandLine(ioFor(home)).parseArgs(args);
        return ((RebuildCommand) parsed.subcommand().commandSpec().userObject()).follow;
    }

    private static Io ioFor(Path home) {
        return new Io(
                new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.BufferedReader(new java.io.StringReader("")),
                java.util.Map.of(),
                home,
                null,
                false);
    }
}
