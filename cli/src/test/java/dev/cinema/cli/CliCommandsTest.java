package dev.cinema.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.cli.FakeApp.Answer;
import dev.cinema.cli.FakeApp.Request;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command against real HTTP servers that answer as the issue 10 contract says: what the client
 * sends (method, path, query, token, body) and what it prints and ends with.
 */
class CliCommandsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.analyst.signature";

    @TempDir
    Path home;

    FakeApp commandSide;
    FakeApp querySide;
    CliRunner cli;

    @BeforeEach
    void start() throws IOException {
        commandSide = new FakeApp();
        querySide = new FakeApp();
        cli = new CliRunner(home);
    }

    @AfterEach
    void stop() {
        commandSide.close();
        querySide.close();
    }

    /** As after a login: the token and both URLs in the default config file. */
    void loggedIn() {
        new CliConfig(
                        commandSide.url(),
                        querySide.url(),
                        "analyst@cinema.dev",
                        TOKEN,
                        "2026-01-01T12:00:00Z",
                        List.of("ANALYST", "CUSTOMER"))
                .save(cli.defaultConfig());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static void assertAuthorisedGet(Request request, String path, String query) {
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo(path);
        assertThat(request.query()).isEqualTo(query);
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.body()).isEmpty();
    }

    @Nested
    class Login {

        static final String ISSUED = """
                {"accessToken":"the-new-token","tokenType":"Bearer","expiresIn":3600,"expiresAt":"2026-01-01T13:00:00Z",
                 "accountId":"acc-1","roles":["ANALYST","CUSTOMER"]}
                """;

        @Test
        void postsTheCredentialsAndKeepsTokenAndUrlsInAFileOnlyItsOwnerCanRead() throws IOException {
            commandSide.on("POST", "/api/auth/login", Answer.json(200, ISSUED));

            CliRunner.Result result = cli.run(
                    "login",
                    "--command-url",
                    commandSide.url() + "/",
                    "--query-url",
                    querySide.url(),
                    "--email",
                    "analyst@cinema.dev",
                    "--password",
                    "analyst-pass-2026");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            Request request = commandSide.onlyRequest();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/auth/login");
            assertThat(request.query()).isNull();
            assertThat(request.header("Authorization")).isNull();
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(json(request.body()))
                    .isEqualTo(json("{\"email\":\"analyst@cinema.dev\",\"password\":\"analyst-pass-2026\"}"));
            assertThat(querySide.requests()).isEmpty();

            Path config = cli.defaultConfig();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
                    .isEqualTo("rw-------");
            JsonNode saved = json(Files.readString(config));
            assertThat(saved.path("accessToken").asText()).isEqualTo("the-new-token");
            assertThat(saved.path("commandUrl").asText()).isEqualTo(commandSide.url());
            assertThat(saved.path("queryUrl").asText()).isEqualTo(querySide.url());
            assertThat(saved.path("email").asText()).isEqualTo("analyst@cinema.dev");
            assertThat(result.out())
                    .contains("Logged in as analyst@cinema.dev (ANALYST, CUSTOMER)")
                    .contains("2026-01-01T13:00:00Z")
                    .contains(config.toString());
            assertThat(result.err()).isEmpty();
        }

        @Test
        void readsThePasswordFromStandardInputWhenNotGiven() {
            commandSide.on("POST", "/api/auth/login", Answer.json(200, ISSUED));
            cli.stdin = "from-stdin-2026\n";

            CliRunner.Result result = cli.run(
                    "login", "--command-url", commandSide.url(), "--query-url", querySide.url(), "--email", "a@b.dev");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(json(commandSide.onlyRequest().body()).path("password").asText())
                    .isEqualTo("from-stdin-2026");
        }

        @Test
        void theConfigFileCanBeChosenWithTheOptionOrTheEnvironment() {
            commandSide.on("POST", "/api/auth/login", Answer.json(200, ISSUED));
            Path fromEnv = home.resolve("env/cli.json");
            Path fromOption = home.resolve("option/cli.json");
            cli.env.put("CINEMA_CLI_CONFIG", fromEnv.toString());
            String[] login = {
                "login",
                "--command-url",
                commandSide.url(),
                "--query-url",
                querySide.url(),
                "--email",
                "a@b.dev",
                "--password",
                "p"
            };

            assertThat(cli.run(login).exitCode()).isZero();
            assertThat(fromEnv).exists();
            String[] withOption = java.util.stream.Stream.concat(
                            java.util.Arrays.stream(login),
                            java.util.stream.Stream.of("--config", fromOption.toString()))
                    .toArray(String[]::new);
            assertThat(cli.run(withOption).exitCode()).isZero();
            assertThat(fromOption).exists();
            assertThat(cli.defaultConfig()).doesNotExist();
        }

        @Test
        void aWrongPasswordPrintsTheProblemAndEndsWithOne() {
            commandSide.on("POST", "/api/auth/login", Answer.problem(401, """
                            {"type":"https://cinema.dev/problems/bad-credentials","title":"Unauthorized","status":401,
                             "code":"bad-credentials","detail":"E-mail or password is wrong","instance":"/api/auth/login"}
                            """));

            CliRunner.Result result = cli.run(
                    "login",
                    "--command-url",
                    commandSide.url(),
                    "--email",
                    "analyst@cinema.dev",
                    "--password",
                    "wrong");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.err())
                    .contains("POST " + commandSide.url() + "/api/auth/login answered 401")
                    .contains("title:    Unauthorized")
                    .contains("status:   401")
                    .contains("code:     bad-credentials")
                    .contains("detail:   E-mail or password is wrong")
                    .contains("instance: /api/auth/login")
                    .contains("type:     https://cinema.dev/problems/bad-credentials");
            assertThat(cli.defaultConfig()).doesNotExist();
        }
    }

    @Nested
    class Processors {

        static final String PROCESSORS = """
                [{"name":"query-seat-maps","mode":"POOLED","running":true,"error":false,"headPosition":1250,"lag":50,
                  "replaying":false,"caughtUp":false,"lastError":null,"deadLetters":2,
                  "segments":[{"segment":0,"position":1200,"caughtUp":false,"replaying":false,"error":null,"claimedBy":"node-1"},
                              {"segment":1,"position":1210,"caughtUp":false,"replaying":false,"error":null,"claimedBy":"node-1"}]},
                 {"name":"query-listings","mode":"TRACKING","running":false,"error":true,"headPosition":1250,"lag":1250,
                  "replaying":true,"caughtUp":false,"lastError":"IllegalStateException: boom","deadLetters":0,
                  "segments":[{"segment":0,"position":null,"caughtUp":false,"replaying":true,"error":"IllegalStateException",
                               "claimedBy":null}]}]
                """;

        @Test
        void listsTheQuerySidesProcessorsByDefault() {
            loggedIn();
            querySide.on("GET", "/api/ops/processors", Answer.json(200, PROCESSORS));

            CliRunner.Result result = cli.run("processors");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertAuthorisedGet(querySide.onlyRequest(), "/api/ops/processors", null);
            assertThat(commandSide.requests()).isEmpty();
            List<String> lines = result.out().lines().toList();
            assertThat(lines.get(0))
                    .matches("NAME +MODE +RUNNING +POSITION/HEAD +LAG +CAUGHT UP +REPLAYING +DEAD LETTERS +LAST ERROR");
            assertThat(lines.get(1)).matches("query-seat-maps +POOLED +yes +1200/1250 +50 +no +no +2 +-");
            assertThat(lines.get(2))
                    .matches("query-listings +TRACKING +no +-/1250 +1250 +no +yes +0 +IllegalStateException: boom");
        }

        @Test
        void listsTheCommandSidesWithAppCommand() {
            loggedIn();
            commandSide.on("GET", "/api/ops/processors", Answer.json(200, """
                            [{"name":"command-booking-index","mode":"SUBSCRIBING","running":true,"error":false,
                              "headPosition":null,"lag":null,"replaying":false,"caughtUp":true,"lastError":null,
                              "deadLetters":0,"segments":[]}]
                            """));

            CliRunner.Result result = cli.run("processors", "--app", "command");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertAuthorisedGet(commandSide.onlyRequest(), "/api/ops/processors", null);
            assertThat(querySide.requests()).isEmpty();
            assertThat(result.out().lines().toList().get(1))
                    .matches("command-booking-index +SUBSCRIBING +yes +- +- +yes +no +0 +-");
        }

        @Test
        void readsTheOlderShapeWithSegmentsOnly() {
            loggedIn();
            querySide.on("GET", "/api/ops/processors", Answer.json(200, """
                            [{"name":"query-alerts","running":true,"error":false,
                              "segments":[{"segment":0,"caughtUp":true,"replaying":false,"position":42,"error":null}]}]
                            """));

            CliRunner.Result result = cli.run("processors");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out().lines().toList().get(1)).matches("query-alerts +- +yes +42 +- +yes +no +- +-");
        }

        @Test
        void printsTheJsonWithJson() {
            loggedIn();
            querySide.on("GET", "/api/ops/processors", Answer.json(200, PROCESSORS));

            CliRunner.Result result = cli.run("processors", "--json");

            assertThat(json(result.out())).isEqualTo(json(PROCESSORS));
        }

        @Test
        void aForbiddenCallPrintsTheProblemWithAHint() {
            loggedIn();
            querySide.on(
                    "GET",
                    "/api/ops/processors",
                    Answer.problem(
                            403,
                            "{\"title\":\"Forbidden\",\"status\":403,\"code\":\"forbidden\",\"detail\":\"Access Denied\"}"));

            CliRunner.Result result = cli.run("processors");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err())
                    .contains("answered 403")
                    .contains("code:   forbidden")
                    .contains("ANALYST or ADMIN role");
        }
    }

    @Nested
    class Tokens {

        @Test
        void withoutALoginOrATokenTheClientSaysSoAndEndsWithOne() {
            CliRunner.Result result = cli.run("projections");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).startsWith("Not logged in: run 'cinema login");
            assertThat(querySide.requests()).isEmpty();
        }

        @Test
        void cinemaTokenAndTheUrlVariablesNeedNoLogin() {
            cli.env.put("CINEMA_TOKEN", "token-from-env");
            cli.env.put("CINEMA_QUERY_URL", querySide.url());
            querySide.on("GET", "/api/ops/projections", Answer.json(200, "[]"));

            CliRunner.Result result = cli.run("projections");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(querySide.onlyRequest().header("Authorization")).isEqualTo("Bearer token-from-env");
            assertThat(result.out()).isEqualTo("No projections.\n");
        }

        @Test
        void cinemaTokenWinsOverTheSavedOne() {
            loggedIn();
            cli.env.put("CINEMA_TOKEN", "token-from-env");
            querySide.on("GET", "/api/ops/projections", Answer.json(200, "[]"));

            cli.run("projections");

            assertThat(querySide.onlyRequest().header("Authorization")).isEqualTo("Bearer token-from-env");
        }

        @Test
        void theConfigOptionWorksAfterTheCommandToo() {
            Path elsewhere = home.resolve("elsewhere.json");
            new CliConfig(commandSide.url(), querySide.url(), "a@b.dev", "elsewhere-token", null, List.of())
                    .save(elsewhere);
            querySide.on("GET", "/api/ops/projections", Answer.json(200, "[]"));

            CliRunner.Result result = cli.run("projections", "--config", elsewhere.toString());

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(querySide.onlyRequest().header("Authorization")).isEqualTo("Bearer elsewhere-token");
        }

        @Test
        void aRefusedConnectionIsOneClearLine() throws IOException {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            cli.env.put("CINEMA_TOKEN", TOKEN);
            cli.env.put("CINEMA_QUERY_URL", "http://127.0.0.1:" + closedPort);

            CliRunner.Result result = cli.run("processors");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err())
                    .isEqualTo("Cannot connect to the query side at http://127.0.0.1:" + closedPort
                            + " (connection refused). Is it running, and is the URL right?\n");
            assertThat(result.out()).isEmpty();
        }
    }

    @Nested
    class ProjectionsAndSwitches {

        static final String PROJECTION_ON_B = """
                {"name":"seat-maps","activeSlot":"B","processingGroups":{"A":"query-seat-maps","B":"query-seat-maps@b"},
                 "position":1250,"lastVerifiedChecksum":"9f2c1e","lastVerifiedAt":"2026-01-01T12:00:00Z","rebuild":null}
                """;

        @Test
        void listsTheProjections() {
            loggedIn();
            querySide.on("GET", "/api/ops/projections", Answer.json(200, "[" + PROJECTION_ON_B + "," + """
                                    {"name":"listings","activeSlot":"A","processingGroups":{"A":"query-listings","B":"query-listings@b"},
                                     "position":null,"lastVerifiedChecksum":null,"lastVerifiedAt":null,
                                     "rebuild":{"id":"r-7","phase":"REPLAYING"}}]
                                    """));

            CliRunner.Result result = cli.run("projections");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertAuthorisedGet(querySide.onlyRequest(), "/api/ops/projections", null);
            List<String> lines = result.out().lines().toList();
            assertThat(lines.get(0))
                    .matches("NAME +ACTIVE +PROCESSING GROUP +POSITION +LAST VERIFIED CHECKSUM +VERIFIED AT +REBUILD");
            assertThat(lines.get(1)).matches("seat-maps +B +query-seat-maps@b +1250 +9f2c1e +2026-01-01T12:00:00Z +-");
            assertThat(lines.get(2)).matches("listings +A +query-listings +- +- +- +REPLAYING r-7");
        }

        @Test
        void switchPostsAndSaysWhichSlotAnswersNow() {
            loggedIn();
            querySide.on("POST", "/api/ops/projections/seat-maps/switch", Answer.json(200, PROJECTION_ON_B));

            CliRunner.Result result = cli.run("switch", "seat-maps");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            Request request = querySide.onlyRequest();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/ops/projections/seat-maps/switch");
            assertThat(request.query()).isNull();
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(request.body()).isEmpty();
            assertThat(result.out()).isEqualTo("seat-maps now answers from slot B (query-seat-maps@b).\n");
        }

        @Test
        void switchForceAsksForIt() {
            loggedIn();
            querySide.on("POST", "/api/ops/projections/seat-maps/switch", Answer.json(200, PROJECTION_ON_B));

            CliRunner.Result result = cli.run("switch", "seat-maps", "--force");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(querySide.onlyRequest().query()).isEqualTo("force=true");
        }

        @Test
        void aRefusedSwitchPrintsTheProblemWithItsOtherMembersAndEndsWithOne() {
            loggedIn();
            querySide.on("POST", "/api/ops/projections/seat-maps/switch", Answer.problem(409, """
                            {"type":"https://cinema.dev/problems/checksum-mismatch","title":"Conflict","status":409,
                             "code":"checksum-mismatch","detail":"The rebuilt slot's checksum differs from the active one's",
                             "rebuildId":"r-9","checksums":{"active":"aaa","rebuilt":"bbb"}}
                            """));

            CliRunner.Result result = cli.run("switch", "seat-maps");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err())
                    .contains("POST " + querySide.url() + "/api/ops/projections/seat-maps/switch answered 409")
                    .contains("title:     Conflict")
                    .contains("status:    409")
                    .contains("code:      checksum-mismatch")
                    .contains("detail:    The rebuilt slot's checksum differs from the active one's")
                    .contains("rebuildId: r-9")
                    .contains("checksums: {\"active\":\"aaa\",\"rebuilt\":\"bbb\"}");
            assertThat(result.out()).isEmpty();
        }

        @Test
        void switchBackPostsToSwitchBack() {
            loggedIn();
            querySide.on(
                    "POST",
                    "/api/ops/projections/seat-maps/switch-back",
                    Answer.json(200, PROJECTION_ON_B.replace("\"activeSlot\":\"B\"", "\"activeSlot\":\"A\"")));

            CliRunner.Result result = cli.run("switch-back", "seat-maps");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            Request request = querySide.onlyRequest();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/ops/projections/seat-maps/switch-back");
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(result.out()).isEqualTo("seat-maps now answers from slot A (query-seat-maps).\n");
        }

        @Test
        void switchBackWithNothingToSwitchToEndsWithOne() {
            loggedIn();
            querySide.on("POST", "/api/ops/projections/listings/switch-back", Answer.problem(409, """
                            {"title":"Conflict","status":409,"code":"nothing-to-switch",
                             "detail":"Slot B of listings was never built"}
                            """));

            CliRunner.Result result = cli.run("switch-back", "listings");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err())
                    .contains("code:   nothing-to-switch", "detail: Slot B of listings was never built");
        }
    }

    @Nested
    class Rebuilds {

        static final String PATH = "/api/ops/projections/seat-maps/rebuilds";
        static final String LOCATION = PATH + "/r-1";

        static String view(String phase, double percent, String more) {
            return """
                    {"id":"r-1","projection":"seat-maps","targetSlot":"B","activeSlot":"A","phase":"%s","percent":%s,
                     "eventsPerSecond":12345.6,"secondsLeft":42,"startedAt":"2026-01-01T12:00:00Z",
                     "updatedAt":"2026-01-01T12:00:10Z","autoSwitch":true,
                     "positions":{"rebuilt":%d,"active":2000,"headAtStart":1990,"head":2000},"cut":%s,
                     "checksums":%s,"differingBuckets":%s,"error":%s}
                    """.formatted(
                            phase,
                            percent,
                            Math.round(percent * 20),
                            more.contains("cut") ? "1995" : "null",
                            more.contains("mismatch")
                                    ? "{\"active\":\"c0ffee\",\"rebuilt\":\"decaf0\"}"
                                    : more.contains("checksums")
                                            ? "{\"active\":\"c0ffee\",\"rebuilt\":\"c0ffee\"}"
                                            : "{\"active\":null,\"rebuilt\":null}",
                            more.contains("mismatch")
                                    ? "[{\"table\":\"read_model.seat_map_cell\",\"bucket\":\"7\",\"active\":\"a1\",\"rebuilt\":\"b2\"}]"
                                    : "[]",
                            more.contains("failed") ? "\"PSQLException: disk full\"" : "null");
        }

        static Answer accepted(String body) {
            return Answer.json(202, body).withHeader("Location", LOCATION);
        }

        void replayingThenVerifyingThen(String last) {
            querySide.on("POST", PATH, accepted(view("REPLAYING", 0.0, "")));
            querySide.on(
                    "GET",
                    LOCATION,
                    Answer.json(200, view("REPLAYING", 25.0, "")),
                    Answer.json(200, view("REPLAYING", 75.5, "")),
                    Answer.json(200, view("VERIFYING", 100.0, "cut")),
                    Answer.json(200, last));
        }

        @Test
        void followsTheRebuildThroughReplayingAndVerifyingToSwitchedALinePerUpdate() {
            loggedIn();
            replayingThenVerifyingThen(view("SWITCHED", 100.0, "cut checksums"));

            CliRunner.Result result = cli.run("rebuild", "seat-maps", "--interval", "5");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            List<Request> requests = querySide.requests();
            Request start = requests.get(0);
            assertThat(start.method()).isEqualTo("POST");
            assertThat(start.path()).isEqualTo(PATH);
            assertThat(start.header("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(start.header("Content-Type")).isEqualTo("application/json");
            assertThat(json(start.body())).isEqualTo(json("{\"autoSwitch\":true}"));
            assertThat(requests.subList(1, requests.size()))
                    .hasSize(4)
                    .allSatisfy(poll -> assertAuthorisedGet(poll, LOCATION, null));
            assertThat(result.out().lines().toList())
                    .containsExactly(
                            "Rebuild r-1 of seat-maps started: slot B is being rebuilt, slot A keeps answering.",
                            "REPLAYING    0.0%  12,346 events/s  0:42 left  position 0 of 2,000",
                            "REPLAYING   25.0%  12,346 events/s  0:42 left  position 500 of 2,000",
                            "REPLAYING   75.5%  12,346 events/s  0:42 left  position 1,510 of 2,000",
                            "VERIFYING  100.0%  12,346 events/s  0:42 left  position 2,000 of 2,000",
                            "SWITCHED   100.0%  12,346 events/s  0:42 left  position 2,000 of 2,000",
                            "Switched: seat-maps now answers from slot B (checksum c0ffee).");
            assertThat(result.err()).isEmpty();
            assertThat(result.out()).doesNotContain("\r");
        }

        @Test
        void onATerminalDrawsOneLiveProgressBar() {
            loggedIn();
            cli.terminal = true;
            replayingThenVerifyingThen(view("SWITCHED", 100.0, "cut checksums"));

            CliRunner.Result result = cli.run("rebuild", "seat-maps", "--interval", "5");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            String[] frames = result.out().split("\r");
            assertThat(frames).hasSize(6);
            assertThat(frames[0]).endsWith("keeps answering.\n");
            assertThat(frames[2])
                    .startsWith("[########----------------------] REPLAYING   25.0%  12,346 events/s  0:42 left");
            assertThat(frames[3]).startsWith("[#######################-------] REPLAYING   75.5%");
            assertThat(frames[4]).startsWith("[##############################] VERIFYING  100.0%");
            // Each frame overwrites the last: none has a line break but the last, which ends the bar.
            assertThat(List.of(frames).subList(1, 5)).noneMatch(frame -> frame.contains("\n"));
            assertThat(frames[5])
                    .startsWith("[##############################] SWITCHED   100.0%")
                    .endsWith("\nSwitched: seat-maps now answers from slot B (checksum c0ffee).\n");
        }

        @Test
        void aMismatchPrintsBothChecksumsAndTheDifferingBucketsAndEndsWithOne() {
            loggedIn();
            replayingThenVerifyingThen(view("READY", 100.0, "cut mismatch"));

            CliRunner.Result result = cli.run("rebuild", "seat-maps", "--interval", "5");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.out()).containsPattern("READY +100.0%").doesNotContain("Switched");
            List<String> err = result.err().lines().toList();
            assertThat(err.get(0)).isEqualTo("Checksums differ: slot B of seat-maps was rebuilt but not switched in.");
            assertThat(err.get(1)).isEqualTo("  active  (slot A): c0ffee");
            assertThat(err.get(2)).isEqualTo("  rebuilt (slot B): decaf0");
            assertThat(err.get(3)).isEqualTo("Differing buckets:");
            assertThat(err.get(4)).matches("TABLE +BUCKET +ACTIVE +REBUILT");
            assertThat(err.get(5)).matches("read_model.seat_map_cell +7 +a1 +b2");
            assertThat(err.get(6)).contains("'cinema switch seat-maps --force'");
        }

        @Test
        void aFailedRebuildEndsWithOne() {
            loggedIn();
            replayingThenVerifyingThen(view("FAILED", 75.5, "failed"));

            CliRunner.Result result = cli.run("rebuild", "seat-maps", "--interval", "5");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("Rebuild r-1 of seat-maps failed: PSQLException: disk full\n");
        }

        @Test
        void withoutAutoSwitchItStopsAtReadyAndSaysHowToSwitch() {
            loggedIn();
            String ready = view("READY", 100.0, "cut checksums").replace("\"autoSwitch\":true", "\"autoSwitch\":false");
            replayingThenVerifyingThen(ready);

            CliRunner.Result result = cli.run("rebuild", "seat-maps", "--no-auto-switch", "--interval", "5");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(json(querySide.requests().get(0).body())).isEqualTo(json("{\"autoSwitch\":false}"));
            assertThat(result.out())
                    .contains("Verified: slot B matches the active slot (checksum c0ffee).")
                    .contains("run 'cinema switch seat-maps'");
        }

        @Test
        void noFollowOnlyStartsIt() {
            loggedIn();
            querySide.on("POST", PATH, accepted(view("REPLAYING", 0.0, "")));

            CliRunner.Result result = cli.run("rebuild", "seat-maps", "--no-follow", "--no-auto-switch");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            Request start = querySide.onlyRequest();
            assertThat(start.method()).isEqualTo("POST");
            assertThat(json(start.body())).isEqualTo(json("{\"autoSwitch\":false}"));
            assertThat(result.out()).contains("Follow it with: cinema rebuild-status seat-maps r-1");
        }

        @Test
        void aRebuildAlreadyRunningPrintsTheProblemAndEndsWithOne() {
            loggedIn();
            querySide.on("POST", PATH, Answer.problem(409, """
                            {"type":"https://cinema.dev/problems/rebuild-in-progress","title":"Conflict","status":409,
                             "code":"rebuild-in-progress","detail":"seat-maps is being rebuilt already (r-1)",
                             "rebuild":{"id":"r-1","phase":"REPLAYING"}}
                            """));

            CliRunner.Result result = cli.run("rebuild", "seat-maps");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err())
                    .contains("answered 409")
                    .contains("title:   Conflict")
                    .contains("status:  409")
                    .contains("code:    rebuild-in-progress")
                    .contains("detail:  seat-maps is being rebuilt already (r-1)")
                    .contains("rebuild: {\"id\":\"r-1\",\"phase\":\"REPLAYING\"}");
            assertThat(querySide.requests()).hasSize(1);
        }

        @Test
        void anUnknownProjectionPrintsTheProblemAndEndsWithOne() {
            loggedIn();
            querySide.on("POST", "/api/ops/projections/seat-map/rebuilds", Answer.problem(404, """
                            {"title":"Not Found","status":404,"code":"projection-not-found","detail":"No projection seat-map"}
                            """));

            CliRunner.Result result = cli.run("rebuild", "seat-map");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("code:   projection-not-found", "detail: No projection seat-map");
        }

        @Test
        void rebuildStatusShowsEverythingTheViewSays() {
            loggedIn();
            querySide.on("GET", LOCATION, Answer.json(200, view("READY", 100.0, "cut mismatch")));

            CliRunner.Result result = cli.run("rebuild-status", "seat-maps", "r-1");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertAuthorisedGet(querySide.onlyRequest(), LOCATION, null);
            assertThat(result.out().lines().toList())
                    .contains(
                            "rebuild    r-1 of seat-maps",
                            "phase      READY (rebuilding slot B, active slot A, auto-switch on)",
                            "progress   100.0%  12,346 events/s  0:42 left  position 2,000 of 2,000",
                            "positions  rebuilt 2000, active 2000, head 2000 (1990 at start), cut 1995",
                            "checksums  active c0ffee, rebuilt decaf0 (DIFFERENT)",
                            "started    2026-01-01T12:00:00Z",
                            "error      -",
                            "Differing buckets:");
            assertThat(result.out()).containsPattern("read_model.seat_map_cell +7 +a1 +b2");
        }

        @Test
        void namesAndIdsAreSentAsOnePathSegment() {
            loggedIn();

            CliRunner.Result result = cli.run("rebuild-status", "seat maps", "../x");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(querySide.onlyRequest().path()).isEqualTo("/api/ops/projections/seat%20maps/rebuilds/..%2Fx");
        }
    }

    @Nested
    class DeadLetters {

        static final String PAGE = """
                {"items":[{"id":"dl-1","processor":"query-seat-maps","sequenceIdentifier":"screening-9",
                           "eventType":"SeatsHeldEvent","eventId":"e-1","globalIndex":812,"enqueuedAt":"2026-01-01T11:00:00Z",
                           "lastTouched":"2026-01-01T11:05:00Z","causeType":"java.lang.IllegalStateException",
                           "causeMessage":"no seat G3"}],
                 "page":{"number":1,"size":5,"totalElements":6,"totalPages":2}}
                """;

        @Test
        void listSendsTheFilterAndThePageAndPrintsATable() {
            loggedIn();
            querySide.on("GET", "/api/ops/dead-letters", Answer.json(200, PAGE));

            CliRunner.Result result =
                    cli.run("dead-letters", "list", "--processor", "query-seat-maps", "--page", "1", "--size", "5");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertAuthorisedGet(
                    querySide.onlyRequest(), "/api/ops/dead-letters", "processor=query-seat-maps&page=1&size=5");
            List<String> lines = result.out().lines().toList();
            assertThat(lines.get(0))
                    .matches("ID +PROCESSOR +SEQUENCE +EVENT +GLOBAL INDEX +ENQUEUED AT +LAST TOUCHED +CAUSE");
            assertThat(lines.get(1))
                    .matches("dl-1 +query-seat-maps +screening-9 +SeatsHeldEvent +812 +2026-01-01T11:00:00Z"
                            + " +2026-01-01T11:05:00Z +java.lang.IllegalStateException: no seat G3");
            assertThat(lines.get(2)).isEqualTo("Page 1 (from 0) of 2, 6 dead letters in all.");
        }

        @Test
        void listWithoutOptionsLeavesTheDefaultsToTheServer() {
            loggedIn();
            querySide.on(
                    "GET",
                    "/api/ops/dead-letters",
                    Answer.json(
                            200,
                            "{\"items\":[],\"page\":{\"number\":0,\"size\":20,\"totalElements\":0,\"totalPages\":0}}"));

            CliRunner.Result result = cli.run("dead-letters", "list");

            assertThat(result.exitCode()).isZero();
            assertAuthorisedGet(querySide.onlyRequest(), "/api/ops/dead-letters", null);
            assertThat(result.out()).isEqualTo("No dead letters.\n");
        }

        @Test
        void anInvalidPagePrintsTheProblemsErrors() {
            loggedIn();
            querySide.on("GET", "/api/ops/dead-letters", Answer.problem(400, """
                            {"type":"https://cinema.dev/problems/invalid-input","title":"Invalid input","status":400,
                             "code":"invalid-input","detail":"size must be between 1 and 100",
                             "errors":[{"field":"size","message":"must be between 1 and 100"}]}
                            """));

            CliRunner.Result result = cli.run("dead-letters", "list", "--size", "500");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(querySide.onlyRequest().query()).isEqualTo("size=500");
            assertThat(result.err())
                    .contains("code:   invalid-input")
                    .contains("detail: size must be between 1 and 100")
                    .contains("errors:\n    - size: must be between 1 and 100");
        }

        @Test
        void retryPostsAndSaysItWasProcessed() {
            loggedIn();
            querySide.on(
                    "POST",
                    "/api/ops/dead-letters/dl-1/retry",
                    Answer.json(200, "{\"id\":\"dl-1\",\"processed\":true}"));

            CliRunner.Result result = cli.run("dead-letters", "retry", "dl-1");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            Request request = querySide.onlyRequest();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/ops/dead-letters/dl-1/retry");
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(result.out()).isEqualTo("Dead letter dl-1 processed; it is no longer parked.\n");
        }

        @Test
        void aRetryThatFailsAgainEndsWithOne() {
            loggedIn();
            querySide.on(
                    "POST",
                    "/api/ops/dead-letters/dl-1/retry",
                    Answer.json(200, "{\"id\":\"dl-1\",\"processed\":false}"));

            CliRunner.Result result = cli.run("dead-letters", "retry", "dl-1");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("Dead letter dl-1 failed again and stays parked");
        }

        @Test
        void discardDeletes() {
            loggedIn();
            querySide.on("DELETE", "/api/ops/dead-letters/dl-1", Answer.empty(204));

            CliRunner.Result result = cli.run("dead-letters", "discard", "dl-1");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            Request request = querySide.onlyRequest();
            assertThat(request.method()).isEqualTo("DELETE");
            assertThat(request.path()).isEqualTo("/api/ops/dead-letters/dl-1");
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(result.out()).isEqualTo("Dead letter dl-1 discarded.\n");
        }

        @Test
        void anUnknownDeadLetterPrintsTheProblemAndEndsWithOne() {
            loggedIn();
            querySide.on("DELETE", "/api/ops/dead-letters/dl-404", Answer.problem(404, """
                            {"type":"https://cinema.dev/problems/dead-letter-not-found","title":"Not Found","status":404,
                             "code":"dead-letter-not-found","detail":"No dead letter dl-404"}
                            """));

            CliRunner.Result result = cli.run("dead-letters", "discard", "dl-404");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err())
                    .contains("DELETE " + querySide.url() + "/api/ops/dead-letters/dl-404 answered 404")
                    .contains("title:  Not Found")
                    .contains("status: 404")
                    .contains("code:   dead-letter-not-found")
                    .contains("detail: No dead letter dl-404");
            assertThat(result.out()).isEmpty();
        }
    }

    @Nested
    class Analytics {

        static final String CSV = """
                key,label,tickets,revenueMinor,currency
                film-1,La Sortie de l'usine,12,14400,EUR
                film-2,"Le Voyage, dans la lune",3,3600,GBP
                """;

        static Answer csv() {
            return new Answer(200, "text/csv;charset=UTF-8", CSV, Map.of());
        }

        @Test
        void writesTheCsvToStandardOutput() {
            loggedIn();
            querySide.on("GET", "/api/analytics/sales", csv());

            CliRunner.Result result = cli.run(
                    "analytics", "sales", "--from", "2026-03-01", "--to", "2026-04-01T00:00:00Z", "--group-by", "film");

            assertThat(result.exitCode()).as(result.toString()).isZero();
            Request request = querySide.onlyRequest();
            assertAuthorisedGet(
                    request,
                    "/api/analytics/sales",
                    "from=2026-03-01&to=2026-04-01T00%3A00%3A00Z&groupBy=film&format=csv");
            assertThat(request.header("Accept")).startsWith("text/csv");
            assertThat(result.out()).isEqualTo(CSV);
            assertThat(result.err()).isEmpty();
        }

        @Test
        void writesTheCsvToAFile() throws IOException {
            loggedIn();
            querySide.on("GET", "/api/analytics/refunds", csv());
            Path file = home.resolve("exports/refunds.csv");

            CliRunner.Result result = cli.run(
                    "analytics", "refunds", "--from", "2026-03-01", "--to", "2026-04-01", "--output", file.toString());

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(querySide.onlyRequest().query()).isEqualTo("from=2026-03-01&to=2026-04-01&format=csv");
            assertThat(Files.readString(file)).isEqualTo(CSV);
            assertThat(result.out()).isEqualTo("Wrote refunds (2 rows) to " + file + ".\n");
        }

        @Test
        void whileTheProjectionCatchesUpItPrintsTheProgressAndEndsWithThree() {
            loggedIn();
            querySide.on(
                    "GET", "/api/analytics/occupancy", Answer.problem(503, """
                                    {"type":"https://cinema.dev/problems/projection-catching-up","title":"Service Unavailable",
                                     "status":503,"code":"projection-catching-up",
                                     "detail":"analytics-occupancy is still reading the events",
                                     "progress":{"percent":42.5,"position":850,"head":2000}}
                                    """).withHeader("Retry-After", "5"));

            CliRunner.Result result = cli.run(
                    "analytics", "occupancy", "--from", "2026-03-01", "--to", "2026-04-01", "--group-by", "DAY");

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
            assertThat(querySide.onlyRequest().query())
                    .isEqualTo("from=2026-03-01&to=2026-04-01&groupBy=day&format=csv");
            assertThat(result.err())
                    .isEqualTo(
                            "Not ready yet: the occupancy report is still catching up, 42.5% done (position 850"
                                    + " of 2000); try again in 5 s.\n  detail: analytics-occupancy is still reading the events\n");
            assertThat(result.out()).isEmpty();
        }

        @Test
        void anotherFailureEndsWithOne() {
            loggedIn();
            querySide.on("GET", "/api/analytics/sales", Answer.problem(400, """
                            {"title":"Invalid input","status":400,"code":"invalid-input","detail":"from must be before to"}
                            """));

            CliRunner.Result result = cli.run("analytics", "sales", "--from", "2026-04-01", "--to", "2026-03-01");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err()).contains("code:   invalid-input", "detail: from must be before to");
        }
    }
}
