package dev.cinema.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        description = {
            "Logs in on the command side and keeps the token and both URLs for the other commands.",
            "Without --password the password is read from the terminal (not echoed) or from standard input."
        })
final class LoginCommand extends ApiCommand {

    @Option(
            names = "--command-url",
            paramLabel = "URL",
            defaultValue = Session.DEFAULT_COMMAND_URL,
            converter = BaseUrl.class,
            description = "The command side (default: ${DEFAULT-VALUE}).")
    String commandUrl;

    @Option(
            names = "--query-url",
            paramLabel = "URL",
            defaultValue = Session.DEFAULT_QUERY_URL,
            converter = BaseUrl.class,
            description = "The query side (default: ${DEFAULT-VALUE}).")
    String queryUrl;

    @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "The account's e-mail.")
    String email;

    @Option(
            names = "--password",
            paramLabel = "PASSWORD",
            description = "The password; better left out, so that it stays out of the shell's history.")
    String password;

    @Override
    public Integer call() {
        String secret = password != null ? password : readPassword();
        Api.Side command = new Api.Side("command side", commandUrl);
        JsonNode issued = new Api(null)
                .post(command, "/api/auth/login", Map.of("email", email, "password", secret))
                .json();
        String token = Json.text(issued, "accessToken");
        if (token == null) {
            throw new CliFailure("The command side answered no accessToken: " + Json.write(issued));
        }
        List<String> roles = new ArrayList<>();
        issued.path("roles").forEach(role -> roles.add(role.asText()));
        Path file = root().configFile();
        new CliConfig(commandUrl, queryUrl, email, token, Json.text(issued, "expiresAt"), roles).save(file);
        out().println("Logged in as " + email + " (" + String.join(", ", roles) + "); token valid until "
                + orDash(Json.text(issued, "expiresAt")) + ".");
        out().println("Saved to " + file.toAbsolutePath() + " (readable by you only).");
        if (!roles.contains("ANALYST") && !roles.contains("ADMIN")) {
            err().println("Note: this account has neither the ANALYST nor the ADMIN role; the operations and "
                    + "analytics commands will answer 403.");
        }
        return ExitCodes.OK;
    }

    private String readPassword() {
        Io io = io();
        if (io.console() != null) {
            char[] typed = io.console().readPassword("Password for %s: ", email);
            if (typed != null && typed.length > 0) {
                return new String(typed);
            }
        } else {
            try {
                String line = io.in().readLine();
                if (line != null && !line.isEmpty()) {
                    return line;
                }
            } catch (IOException e) {
                throw new CliFailure("Cannot read the password from standard input: " + e.getMessage());
            }
        }
        throw new ParameterException(spec.commandLine(), "No password: give --password or type it on standard input");
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
