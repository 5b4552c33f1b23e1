package dev.cinema.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.platform.testsupport.H2Database;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.JsonHttp.Response;
import dev.cinema.standalone.StandaloneApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against the real system: both apps started in-process on H2 as the standalone tests
 * start them, an analyst account made as an admin makes one, and the client's login and processor
 * lists over real HTTP.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliAgainstRunningSystemTest {

    static final String ADMIN_EMAIL = "first-admin@cinema.test";
    static final String ADMIN_PASSWORD = "first-admin-2026";
    static final String ANALYST_EMAIL = "rebuilder@cinema.test";
    static final String ANALYST_PASSWORD = "Replay-all-the-events-2026";

    StandaloneApplication.Running system;
    String commandUrl;
    String queryUrl;

    @BeforeAll
    void start() {
        Map<String, Object> properties = new HashMap<>(H2Database.properties());
        properties.put("server.port", "0");
        properties.put("cinema.bootstrap.admin.email", ADMIN_EMAIL);
        properties.put("cinema.bootstrap.admin.password", ADMIN_PASSWORD);
        system = StandaloneApplication.start(properties, false);
        commandUrl = "http://localhost:" + system.commandPort();
        queryUrl = "http://localhost:" + system.queryPort();
        createAnalyst(JsonHttp.localhost(system.commandPort()));
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.stop();
        }
    }

    /** Registers a customer and has the admin grant it ANALYST, as an operator would. */
    private static void createAnalyst(JsonHttp commands) {
        Response registered = commands.post(
                "/api/accounts",
                Map.of("email", ANALYST_EMAIL, "password", ANALYST_PASSWORD, "displayName", "Rae Builder"),
                null);
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        Response admin =
                commands.post("/api/auth/login", Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD), null);
        assertThat(admin.status()).as(admin.raw()).isEqualTo(200);
        Response granted = commands.post(
                "/api/accounts/" + registered.text("accountId") + "/roles",
                Map.of("role", "ANALYST"),
                admin.text("accessToken"));
        assertThat(granted.status()).as(granted.raw()).isEqualTo(204);
    }

    @Test
    void anAnalystLogsInAndListsTheProcessorsOfBothApps(@TempDir Path home) throws Exception {
        CliRunner cli = new CliRunner(home);

        CliRunner.Result login = cli.run(
                "login",
                "--command-url",
                commandUrl,
                "--query-url",
                queryUrl,
                "--email",
                ANALYST_EMAIL,
                "--password",
                ANALYST_PASSWORD);

        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(login.out()).contains("Logged in as " + ANALYST_EMAIL + " (ANALYST, CUSTOMER)");
        JsonNode saved = Json.MAPPER.readTree(Files.readString(cli.defaultConfig()));
        assertThat(saved.path("commandUrl").asText()).isEqualTo(commandUrl);
        assertThat(saved.path("queryUrl").asText()).isEqualTo(queryUrl);
        assertThat(saved.path("accessToken").asText()).isNotBlank();

        CliRunner.Result query = cli.run("processors", "--app", "query");

        assertThat(query.exitCode()).as(query.toString()).isZero();
        List<String> lines = query.out().lines().toList();
        assertThat(lines.get(0)).startsWith("NAME").contains("POSITION/HEAD", "LAST ERROR");
        assertThat(lines.subList(1, lines.size()))
                .extracting(line -> line.split(" +")[0])
                .contains("query-seat-maps", "query-catalogue-listings", "query-customer-bookings")
                .allMatch(name -> name.startsWith("query-"));
        assertThat(lines.subList(1, lines.size())).allMatch(line -> line.split(" +").length >= 8);

        CliRunner.Result command = cli.run("processors", "--app", "command");

        assertThat(command.exitCode()).as(command.toString()).isZero();
        List<String> commandLines = command.out().lines().toList();
        assertThat(commandLines.subList(1, commandLines.size()))
                .extracting(line -> line.split(" +")[0])
                .contains("command-alert-policy")
                .allMatch(name -> name.startsWith("command-"));
    }

    @Test
    void anAnalystRebuildsAProjectionFollowsItToTheSwitchAndSwitchesBack(@TempDir Path home) {
        CliRunner cli = new CliRunner(home);
        CliRunner.Result login = cli.run(
                "login",
                "--command-url",
                commandUrl,
                "--query-url",
                queryUrl,
                "--email",
                ANALYST_EMAIL,
                "--password",
                ANALYST_PASSWORD);
        assertThat(login.exitCode()).as(login.toString()).isZero();

        CliRunner.Result projections = cli.run("projections");
        assertThat(projections.exitCode()).as(projections.toString()).isZero();
        assertThat(projections.out()).contains("seat-maps", "payment-history", "favourites");

        CliRunner.Result rebuild = cli.run("rebuild", "favourites", "--interval", "100");
        assertThat(rebuild.exitCode()).as(rebuild.toString()).isZero();
        assertThat(rebuild.out()).contains("Switched: favourites now answers from slot B");

        CliRunner.Result back = cli.run("switch-back", "favourites");
        assertThat(back.exitCode()).as(back.toString()).isZero();
        assertThat(back.out()).contains("A");

        CliRunner.Result nothing = cli.run("switch", "favourites");
        assertThat(nothing.exitCode()).as(nothing.toString()).isEqualTo(1);
        assertThat(nothing.err()).contains("nothing-to-switch");

        CliRunner.Result unknown = cli.run("rebuild", "no-such-projection");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(1);
        assertThat(unknown.err()).contains("projection-not-found").contains("404");
    }
}
