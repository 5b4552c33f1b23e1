package dev.cinema.command.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.command.CommandSideApplication;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.JsonHttp.Response;
import dev.cinema.platform.testsupport.TestKeys;
import dev.cinema.platform.testsupport.TestTokens;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The command side's processor list: its subscribing lookups and its tracking policies, with the
 * head of the event store and each tracking segment's position from the token store. Runs on H2
 * and on PostgreSQL.
 */
@SpringBootTest(
        classes = CommandSideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = CommandSideApplication.CONFIG_NAME)
@ContextConfiguration(initializers = TestKeys.class)
abstract class ProcessorStatusApiIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String TRACKING = "command-screening-cancellation";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    final String admin = TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER", "ADMIN");
    final String analyst = TestTokens.valid(UUID.randomUUID().toString(), "ANALYST");

    JsonHttp http;

    @BeforeEach
    void connect() {
        http = JsonHttp.localhost(port);
    }

    @Test
    void everyProcessorIsListedWithTheHeadAndTheTrackingOnesWithTheirPositionsAndLag() {
        createLocation("Processor Town");
        long head = head();
        Response caughtUp = awaitProcessors(body -> {
            for (JsonNode processor : body) {
                if (!processor.path("caughtUp").asBoolean()
                        || processor.path("headPosition").asLong() != head
                        || processor.path("mode").asText().equals("TRACKING")
                                && processor.path("lag").asLong(-1) != 0) {
                    return false;
                }
            }
            return true;
        });
        JsonNode body = caughtUp.body();
        assertThat(body)
                .extracting(node -> node.path("name").asText())
                .isSorted()
                .containsAll(processing.eventProcessors().keySet())
                .hasSize(processing.eventProcessors().size())
                .contains("command-catalogue-lookup", "command-booking-policy", TRACKING, "command-alert-policy");
        for (JsonNode processor : body) {
            String name = processor.path("name").asText();
            assertThat(processor.path("running").asBoolean()).as(name).isTrue();
            assertThat(processor.path("error").asBoolean()).as(name).isFalse();
            assertThat(processor.path("deadLetters").asLong())
                    .as("%s: command-side failures are retried, never parked", name)
                    .isZero();
            assertThat(processor.path("lastError").isNull()).as(name).isTrue();
        }

        JsonNode lookup = find(body, "command-catalogue-lookup");
        assertThat(lookup.path("mode").asText()).isEqualTo("SUBSCRIBING");
        assertThat(lookup.path("lag").isNull())
                .as("handled in the storing transaction")
                .isTrue();
        assertThat(lookup.get("segments")).isEmpty();
        assertThat(lookup.path("replaying").asBoolean()).isFalse();

        JsonNode tracking = find(body, TRACKING);
        assertThat(tracking.path("mode").asText()).isEqualTo("TRACKING");
        assertThat(tracking.path("lag").asLong()).isZero();
        assertThat(tracking.get("segments")).hasSize(1);
        assertThat(tracking.at("/segments/0/position").asLong()).isEqualTo(head);
        assertThat(tracking.at("/segments/0/caughtUp").asBoolean()).isTrue();
        assertThat(tracking.at("/segments/0/claimedBy").asText())
                .isEqualTo(jdbc.queryForObject(
                        "select owner from token_entry where processor_name = ? and segment = 0",
                        String.class,
                        TRACKING));

        // Stopped (as on another process that went away): the token store still says where it is.
        StreamingEventProcessor processor = processing
                .eventProcessor(TRACKING, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutDown();
        try {
            createLocation("Lagging Town");
            createLocation("Later Town");
            long newHead = head();
            JsonNode stopped = find(processors().body(), TRACKING);
            assertThat(stopped.path("running").asBoolean()).isFalse();
            assertThat(stopped.path("headPosition").asLong()).isEqualTo(newHead);
            assertThat(stopped.path("lag").asLong()).isEqualTo(newHead - head).isEqualTo(2);
            assertThat(stopped.at("/segments/0/position").asLong()).isEqualTo(head);
            assertThat(stopped.at("/segments/0/claimedBy").isNull()).isTrue();
            assertThat(stopped.path("caughtUp").asBoolean()).isFalse();
        } finally {
            processor.start();
        }
        awaitProcessors(again -> find(again, TRACKING).path("lag").asLong(-1) == 0);
    }

    @Test
    void onlyAnalystsAndAdministratorsMayLook() {
        Map<String, Integer> refusals = new LinkedHashMap<>();
        refusals.put(null, 401);
        refusals.put(TestTokens.expired("ANALYST"), 401);
        refusals.put(TestTokens.customer(), 403);
        refusals.put(TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER", "AUDITOR"), 403);
        refusals.forEach((token, status) -> {
            Response answer = http.get("/api/ops/processors", token);
            assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
            assertThat(answer.isProblem()).isTrue();
        });
        assertThat(http.get("/api/ops/processors", analyst).status()).isEqualTo(200);
        assertThat(http.get("/api/ops/processors", admin).status()).isEqualTo(200);
    }

    private void createLocation(String name) {
        Response created = http.post("/api/admin/locations", Map.of("name", name), admin);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
    }

    private long head() {
        return jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
    }

    private Response processors() {
        Response status = http.get("/api/ops/processors", analyst);
        assertThat(status.status()).as(status.raw()).isEqualTo(200);
        return status;
    }

    private Response awaitProcessors(Predicate<JsonNode> condition) {
        Response[] last = new Response[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = processors();
            return condition.test(last[0].body());
        });
        return last[0];
    }

    private static JsonNode find(JsonNode processors, String name) {
        for (JsonNode processor : processors) {
            if (processor.path("name").asText().equals(name)) {
                return processor;
            }
        }
        throw new AssertionError("no processor " + name + " in " + processors);
    }
}
