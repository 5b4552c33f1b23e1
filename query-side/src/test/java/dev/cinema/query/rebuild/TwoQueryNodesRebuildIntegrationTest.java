package dev.cinema.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.booking.SeatsHeldEvent;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.common.Money;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.JsonHttp.Response;
import dev.cinema.platform.testsupport.TestKeys;
import dev.cinema.platform.testsupport.TestTokens;
import dev.cinema.query.QuerySideApplication;
import dev.cinema.query.testing.EventFeed;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two query-side processes on one database, coordinating through it alone (no Axon Server): a
 * rebuild led by one node waits until the other has stopped the slot being rebuilt, both nodes
 * switch together, and both answer the same. Runs on H2 (one in-memory database shared by two
 * application contexts) and PostgreSQL.
 */
@SpringBootTest(
        classes = QuerySideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // A property of its own gives this test a context (and a database) of its own: other tests
        // feed projections directly, which leaves read-model rows no event explains, and a
        // rebuild would rightly refuse to switch to a slot that differs from them.
        properties = {QuerySideApplication.CONFIG_NAME, "cinema.projections.poll-interval=PT0.2S"})
@ContextConfiguration(initializers = TestKeys.class)
abstract class TwoQueryNodesRebuildIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Autowired
    EventProcessingConfiguration processing;

    ConfigurableApplicationContext secondNode;
    JsonHttp first;
    JsonHttp second;
    EventFeed events;
    final String analyst = TestTokens.valid(AccountId.random().value(), "ANALYST");

    @BeforeEach
    void startSecondNode() {
        List<String> args = new ArrayList<>();
        for (String key : List.of(
                "spring.datasource.url",
                "spring.datasource.username",
                "spring.datasource.password",
                "spring.jpa.database-platform",
                "cinema.security.jwt.public-key",
                "cinema.audit.chain.key")) {
            String value = environment.getProperty(key);
            if (value != null) {
                args.add("--" + key + "=" + value);
            }
        }
        args.add("--spring.profiles.active=" + String.join(",", environment.getActiveProfiles()));
        args.add("--server.port=0");
        secondNode = QuerySideApplication.builder().run(args.toArray(String[]::new));
        first = JsonHttp.localhost(port);
        second = JsonHttp.localhost(Integer.parseInt(secondNode.getEnvironment().getProperty("local.server.port")));
        events = new EventFeed(eventStore, transactions);
    }

    @AfterEach
    void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void aRebuildStopsTheSlotOnEveryNodeAndBothNodesSwitchTogether() {
        String screening = events.schedule(
                events.catalogue(ZoneId.of("Europe/Paris")), Instant.now().plus(2, ChronoUnit.DAYS));
        hold(screening, "A1");
        awaitFreeSeats(first, screening, 4);
        awaitFreeSeats(second, screening, 4);

        // First rebuild, led by the first node: the other slot gets built and switched to on both nodes.
        JsonNode toOther = rebuild(first, "seat-maps");
        assertThat(toOther.path("phase").asText()).as(toOther.toString()).isEqualTo("SWITCHED");
        String rebuilt = toOther.path("targetSlot").asText();
        awaitActiveSlot(second, "seat-maps", rebuilt);
        hold(screening, "A2");
        awaitFreeSeats(first, screening, 3);
        awaitFreeSeats(second, screening, 3);

        // The slot switched away from still follows, on whichever node claimed it. Rebuild it from
        // the node that does NOT hold its claim: the rebuild can only go on once that other node
        // has stopped it.
        Slot standby = Slot.valueOf(rebuilt).other();
        String group = standby.processingGroup("query-seat-maps");
        await().atMost(Duration.ofSeconds(20)).until(() -> owner(group) != null);
        boolean firstNodeHoldsIt = processing
                .eventProcessor(group, TrackingEventProcessor.class)
                .map(processor -> !processor.processingStatus().isEmpty())
                .orElse(false);
        JsonHttp leader = firstNodeHoldsIt ? second : first;
        ConfigurableApplicationContext holder = firstNodeHoldsIt ? null : secondNode;
        if (holder != null) {
            assertThat(holder.getBean(EventProcessingConfiguration.class)
                            .eventProcessor(group, TrackingEventProcessor.class)
                            .orElseThrow()
                            .processingStatus())
                    .as("the second node works the standby slot")
                    .isNotEmpty();
        }

        JsonNode back = rebuild(leader, "seat-maps");
        assertThat(back.path("phase").asText()).as(back.toString()).isEqualTo("SWITCHED");
        assertThat(back.path("targetSlot").asText()).isEqualTo(standby.name());
        assertThat(back.at("/checksums/rebuilt").asText())
                .isEqualTo(back.at("/checksums/active").asText());
        awaitActiveSlot(first, "seat-maps", standby.name());
        awaitActiveSlot(second, "seat-maps", standby.name());
        assertThat(seatMap(first, screening)).isEqualTo(seatMap(second, screening));
        assertThat(jdbc.queryForObject(
                        "select count(*) from token_entry where processor_name = ?", Integer.class, group))
                .as("one segment, claimed by one node at a time")
                .isEqualTo(1);

        hold(screening, "B1");
        awaitFreeSeats(first, screening, 2);
        awaitFreeSeats(second, screening, 2);
    }

    private String owner(String processor) {
        return jdbc
                .queryForList("select owner from token_entry where processor_name = ?", String.class, processor)
                .stream()
                .filter(owner -> owner != null)
                .findFirst()
                .orElse(null);
    }

    private JsonNode rebuild(JsonHttp node, String projection) {
        Response started = node.post("/api/ops/projections/" + projection + "/rebuilds", null, analyst);
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    // Either node answers for a rebuild: its record is in the database.
                    JsonHttp asker = last[0] == null ? node : (node == first ? second : first);
                    Response status = asker.get(
                            "/api/ops/projections/" + projection + "/rebuilds/" + started.text("id"), analyst);
                    assertThat(status.status()).isEqualTo(200);
                    last[0] = status.body();
                    assertThat(status.text("phase")).as(status.raw()).isIn("READY", "SWITCHED", "FAILED");
                });
        return last[0];
    }

    private void awaitActiveSlot(JsonHttp node, String projection, String slot) {
        await().atMost(Duration.ofSeconds(2))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(node.get("/api/ops/projections/" + projection, analyst)
                                .text("activeSlot"))
                        .isEqualTo(slot));
    }

    private static String seatMap(JsonHttp node, String screening) {
        return node.get("/api/screenings/" + screening + "/seat-map", null).raw();
    }

    private static void awaitFreeSeats(JsonHttp node, String screening, int free) {
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(node.get("/api/screenings/" + screening + "/seat-map", null)
                                .body()
                                .path("freeSeats")
                                .asInt())
                        .isEqualTo(free));
    }

    private void hold(String screening, String... seats) {
        events.publish(
                screening,
                new SeatsHeldEvent(
                        ScreeningId.of(screening),
                        BookingId.random(),
                        AccountId.random(),
                        java.util.Arrays.stream(seats)
                                .map(seat -> new SeatPrice(
                                        seat,
                                        seat.startsWith("A") ? SeatType.STANDARD : SeatType.PREMIUM,
                                        Money.of(seat.startsWith("A") ? 1200 : 1800, "EUR")))
                                .toList(),
                        Instant.now().plus(10, ChronoUnit.MINUTES)));
    }
}
