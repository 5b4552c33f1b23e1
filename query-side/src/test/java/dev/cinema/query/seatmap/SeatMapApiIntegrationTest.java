package dev.cinema.query.seatmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.ReleaseReason;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.booking.SeatsHeldEvent;
import dev.cinema.contracts.booking.SeatsReleasedEvent;
import dev.cinema.contracts.booking.SeatsSoldEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaId;
import dev.cinema.contracts.catalogue.film.FilmId;
import dev.cinema.contracts.catalogue.screen.ScreenId;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.catalogue.screening.ScreeningCancelledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.catalogue.screening.ScreeningPricesChangedEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningSalesOpenedEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningScheduledEvent;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.seatmap.FindSeatMapQuery;
import dev.cinema.contracts.seatmap.SeatMap;
import dev.cinema.contracts.seatmap.SeatState;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.JsonHttp.Response;
import dev.cinema.platform.testsupport.TestKeys;
import dev.cinema.query.QuerySideApplication;
import dev.cinema.query.rebuild.SlotRouting;
import dev.cinema.query.testing.Batches;
import dev.cinema.query.testing.EventFeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seat maps (once and live) and the free seats of listings, fed with events written straight into
 * the shared event store, as the command side would. Runs on H2 and on PostgreSQL.
 */
@SpringBootTest(
        classes = QuerySideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = QuerySideApplication.CONFIG_NAME)
@ContextConfiguration(initializers = TestKeys.class)
abstract class SeatMapApiIntegrationTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SeatMapProjection projection;

    @Autowired
    SeatMapQueries queries;

    @Autowired
    QueryGateway gateway;

    @Autowired
    QueryUpdateEmitter updates;

    @Autowired
    SeatMapStateRows maps;

    @Autowired
    SeatCellRows cells;

    @Autowired
    TransactionManager axonTransactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SlotRouting routing;

    JsonHttp http;
    EventFeed events;
    Batches batches;

    @BeforeEach
    void connect() {
        http = JsonHttp.localhost(port);
        events = new EventFeed(eventStore, transactions);
        batches = new Batches(axonTransactions, jdbc, routing);
    }

    @Test
    void aScheduledScreeningHasASeatMapWithItsWholeLayoutFree() {
        String screeningId = events.schedule(events.catalogue(ZoneId.of("Europe/Paris")), inDays(3));

        Response map = awaitSeatMap(screeningId, body -> true);
        assertThat(map.text("screeningId")).isEqualTo(screeningId);
        assertThat(map.text("status")).isEqualTo("ON_SALE");
        assertThat(map.text("totalSeats")).isEqualTo("5");
        assertThat(map.text("freeSeats")).isEqualTo("5");
        assertThat(map.text("prices/PREMIUM/amountMinor")).isEqualTo("1800");
        // The version is the sequence of the last event folded in the screening's stream: its scheduling.
        assertThat(map.text("version")).isEqualTo("0");
        assertThat(map.text("rows/0/label")).isEqualTo("A");
        assertThat(map.body().at("/rows/0/cells")).hasSize(3);
        assertThat(map.text("rows/0/cells/0/label")).isEqualTo("A1");
        assertThat(map.text("rows/0/cells/0/number")).isEqualTo("1");
        assertThat(map.text("rows/0/cells/0/type")).isEqualTo("STANDARD");
        assertThat(map.text("rows/0/cells/0/state")).isEqualTo("FREE");
        assertThat(map.text("rows/0/cells/0/price/amountMinor")).isEqualTo("1200");
        assertThat(map.text("rows/1/cells/0/price/amountMinor"))
                .as("each seat carries its type's price")
                .isEqualTo("1800");
        assertThat(map.text("rows/0/cells/1/label")).as("a gap keeps its place").isNull();
        assertThat(map.text("rows/0/cells/1/state")).isNull();
        assertThat(map.text("rows/0/cells/2/label")).isEqualTo("A2");
        assertThat(map.text("rows/1/label")).isEqualTo("B");
        assertThat(states(map)).containsExactly("FREE", "FREE", "FREE", "FREE", "FREE");
    }

    @Test
    void heldSeatsShowAsHeldWithoutSayingWhoHoldsThemAndComeBackWhenReleased() {
        String screeningId = events.schedule(events.catalogue(ZoneId.of("Europe/Paris")), inDays(4));
        BookingId booking = BookingId.random();
        AccountId customer = AccountId.random();
        hold(screeningId, booking, customer, "A1", "B2");

        Response held = awaitSeatMap(screeningId, body -> body.path("freeSeats").asInt() == 3);
        assertThat(states(held)).containsExactly("HELD", "FREE", "FREE", "HELD", "FREE");
        assertThat(held.raw()).doesNotContain(booking.value()).doesNotContain(customer.value());
        awaitListedFreeSeats(screeningId, 3);

        // Another booking cannot release what this one holds; this one releases B2.
        release(screeningId, BookingId.random(), "A1");
        release(screeningId, booking, "B2");
        Response partly =
                awaitSeatMap(screeningId, body -> body.path("freeSeats").asInt() == 4);
        assertThat(states(partly)).containsExactly("HELD", "FREE", "FREE", "FREE", "FREE");
        awaitListedFreeSeats(screeningId, 4);

        release(screeningId, booking, "A1");
        Response free = awaitSeatMap(screeningId, body -> body.path("freeSeats").asInt() == 5);
        assertThat(states(free)).containsOnly("FREE");
        assertThat(Long.parseLong(free.text("version"))).isGreaterThan(Long.parseLong(held.text("version")));
        awaitListedFreeSeats(screeningId, 5);
    }

    @Test
    void soldSeatsShowAsSoldWithoutSayingToWhomKeepTheFreeCountAndComeBackWhenReleased() {
        String screeningId = events.schedule(events.catalogue(ZoneId.of("Europe/Paris")), inDays(4));
        BookingId booking = BookingId.random();
        AccountId customer = AccountId.random();
        BookingId other = BookingId.random();
        hold(screeningId, booking, customer, "A1", "B2");
        hold(screeningId, other, AccountId.random(), "B3");
        Response held = awaitSeatMap(screeningId, body -> body.path("freeSeats").asInt() == 2);
        assertThat(states(held)).containsExactly("HELD", "FREE", "FREE", "HELD", "HELD");

        // The sale names a free seat (B1) and another booking's (B3) as well: only this booking's seats are sold.
        sell(screeningId, booking, "A1", "B2", "B1", "B3");
        Response sold = awaitSeatMap(screeningId, body -> states(body).contains("SOLD"));
        assertThat(states(sold)).containsExactly("SOLD", "FREE", "FREE", "SOLD", "HELD");
        assertThat(sold.text("freeSeats"))
                .as("a sale takes no seat that was free")
                .isEqualTo("2");
        assertThat(sold.text("totalSeats")).isEqualTo("5");
        assertThat(sold.raw())
                .doesNotContain(booking.value())
                .doesNotContain(customer.value())
                .doesNotContain(other.value());
        assertThat(Long.parseLong(sold.text("version"))).isGreaterThan(Long.parseLong(held.text("version")));
        awaitListedFreeSeats(screeningId, 2);

        // Another booking's release frees none of them; this booking's release (a refund) frees them all.
        release(screeningId, other, "A1", "B2");
        release(screeningId, booking, "A1", "B2");
        Response released =
                awaitSeatMap(screeningId, body -> body.path("freeSeats").asInt() == 4);
        assertThat(states(released)).containsExactly("FREE", "FREE", "FREE", "FREE", "HELD");
        awaitListedFreeSeats(screeningId, 4);
    }

    @Test
    void salesAndReleasesOfSoldSeatsFoldedTwiceLeaveTheSameSeatMap() {
        ScreeningScheduledEvent scheduled = events.scheduled(events.catalogue(ZoneId.of("Europe/Paris")), inDays(6));
        ScreeningId screening = scheduled.screeningId();
        BookingId booking = BookingId.random();
        BookingId other = BookingId.random();
        SeatsHeldEvent held = new SeatsHeldEvent(
                screening,
                booking,
                AccountId.random(),
                List.of(seat("A1"), seat("B1"), seat("B2")),
                Instant.now().plus(10, ChronoUnit.MINUTES));
        SeatsHeldEvent othersHold = new SeatsHeldEvent(
                screening,
                other,
                AccountId.random(),
                List.of(seat("A2")),
                Instant.now().plus(10, ChronoUnit.MINUTES));
        // A2 is another booking's and B3 is free: neither may become this booking's sold seat.
        SeatsSoldEvent sold = new SeatsSoldEvent(screening, booking, List.of("A1", "B1", "A2", "B3"));
        SeatsReleasedEvent refunded =
                new SeatsReleasedEvent(screening, booking, List.of("B1"), ReleaseReason.CANCELLED);
        Runnable foldAll = () -> transactions.executeWithoutResult(status -> {
            projection.on(scheduled, 1, ReplayStatus.REGULAR);
            projection.on(held, 2, ReplayStatus.REGULAR);
            projection.on(othersHold, 3, ReplayStatus.REGULAR);
            projection.on(sold, 4, ReplayStatus.REGULAR);
            projection.on(refunded, 5, ReplayStatus.REGULAR);
        });
        foldAll.run();
        SeatMap once = queries.handle(new FindSeatMapQuery(screening.value())).orElseThrow();
        foldAll.run();
        transactions.executeWithoutResult(status -> projection.on(sold, 4, ReplayStatus.REGULAR));
        SeatMap twice = queries.handle(new FindSeatMapQuery(screening.value())).orElseThrow();

        assertThat(twice).isEqualTo(once);
        assertThat(seatStates(twice))
                .containsExactly(SeatState.SOLD, SeatState.HELD, SeatState.FREE, SeatState.HELD, SeatState.FREE);
        assertThat(twice.freeSeats()).isEqualTo(2);
        assertThat(twice.version()).isEqualTo(5);

        // The same sale once more, as if stored again later: it sells nothing that is not this booking's,
        // and does not take back B1, which the refund freed.
        transactions.executeWithoutResult(status -> projection.on(sold, 6, ReplayStatus.REGULAR));
        SeatMap later = queries.handle(new FindSeatMapQuery(screening.value())).orElseThrow();
        assertThat(seatStates(later)).isEqualTo(seatStates(once));
        assertThat(later.freeSeats()).isEqualTo(2);
        assertThat(later.version()).isEqualTo(6);
    }

    @Test
    void priceChangesAndCancellationReachTheSeatMap() {
        String screeningId = events.schedule(events.catalogue(ZoneId.of("Europe/Paris")), inDays(5));
        events.publish(
                screeningId,
                new ScreeningPricesChangedEvent(
                        ScreeningId.of(screeningId),
                        Map.of(SeatType.STANDARD, Money.of(900, "EUR"), SeatType.PREMIUM, Money.of(1500, "EUR"))));
        events.publish(screeningId, new ScreeningCancelledEvent(ScreeningId.of(screeningId), null, "Flood"));

        Response cancelled = awaitSeatMap(
                screeningId, body -> "CANCELLED".equals(body.path("status").asText()));
        assertThat(cancelled.text("prices/STANDARD/amountMinor")).isEqualTo("900");
        assertThat(cancelled.text("prices/PREMIUM/amountMinor")).isEqualTo("1500");
    }

    @Test
    void foldingTheSameEventsTwiceLeavesTheSameSeatMap() {
        ScreeningScheduledEvent scheduled = events.scheduled(events.catalogue(ZoneId.of("Europe/Paris")), inDays(6));
        ScreeningId screening = scheduled.screeningId();
        BookingId booking = BookingId.random();
        SeatsHeldEvent held = new SeatsHeldEvent(
                screening,
                booking,
                AccountId.random(),
                List.of(seat("A1"), seat("B1"), seat("B2")),
                Instant.now().plus(10, ChronoUnit.MINUTES));
        SeatsReleasedEvent released = new SeatsReleasedEvent(screening, booking, List.of("B1"), ReleaseReason.CHANGED);
        ScreeningCancelledEvent cancelled = new ScreeningCancelledEvent(screening, scheduled.screenId(), "Storm");
        // The projection is driven directly: at-least-once delivery means any event may come again.
        Runnable foldAll = () -> transactions.executeWithoutResult(status -> {
            projection.on(scheduled, 1, ReplayStatus.REGULAR);
            projection.on(held, 2, ReplayStatus.REGULAR);
            projection.on(released, 3, ReplayStatus.REGULAR);
            projection.on(cancelled, 4, ReplayStatus.REGULAR);
        });
        foldAll.run();
        SeatMap once = queries.handle(new FindSeatMapQuery(screening.value())).orElseThrow();
        foldAll.run();
        transactions.executeWithoutResult(status -> projection.on(held, 2, ReplayStatus.REGULAR));
        SeatMap twice = queries.handle(new FindSeatMapQuery(screening.value())).orElseThrow();

        assertThat(twice).isEqualTo(once);
        assertThat(twice.freeSeats()).isEqualTo(3);
        assertThat(twice.version()).isEqualTo(4);
        assertThat(twice.status()).hasToString("CANCELLED");
    }

    /**
     * A processor batch folds its events in memory and writes once (SeatMapBatch): a batch of many
     * screenings' events, interleaved, must leave exactly the rows that the same events leave folded
     * one at a time (one event per batch), also delivered again as a whole, in other batch
     * boundaries, and with every event twice in a row within one batch.
     */
    @Test
    void aBatchMixingManyScreeningsFoldsIntoWhatItsEventsFoldOneAtATimeAndAgainToTheSameRows() {
        Random random = new Random(20261201);
        List<List<Function<ScreeningId, Object>>> streams = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            streams.add(seatStream(random, 25));
        }
        List<Integer> order = new ArrayList<>();
        for (int s = 0; s < streams.size(); s++) {
            for (int e = 0; e < streams.get(s).size(); e++) {
                order.add(s);
            }
        }
        Collections.shuffle(order, random);
        List<String> oneAtATime = screeningIds(streams.size());
        List<String> batched = screeningIds(streams.size());
        List<DomainEventMessage<?>> single = interleaved(streams, order, oneAtATime);
        List<DomainEventMessage<?>> batch = interleaved(streams, order, batched);

        batches.deliverInBatchesOf(1, projection, single);
        List<String> expected = seatRows(oneAtATime);
        assertThat(expected)
                .as("the events hold, sell and free seats")
                .anyMatch(row -> row.contains("state=HELD"))
                .anyMatch(row -> row.contains("state=SOLD"))
                .anyMatch(row -> row.contains("state=FREE"))
                .anyMatch(row -> row.contains("status=CANCELLED"));

        batches.deliver(projection, batch);
        assertThat(seatRows(batched)).as("one batch").isEqualTo(expected);
        batches.deliver(projection, batch);
        assertThat(seatRows(batched)).as("the same batch again").isEqualTo(expected);
        batches.deliverInBatchesOf(7, projection, batch);
        assertThat(seatRows(batched)).as("again, in batches of 7").isEqualTo(expected);
        List<DomainEventMessage<?>> twice = new ArrayList<>();
        batch.forEach(event -> twice.addAll(List.of(event, event)));
        batches.deliver(projection, twice);
        assertThat(seatRows(batched)).as("every event twice in one batch").isEqualTo(expected);
        for (int s = 0; s < streams.size(); s++) {
            assertThat(queries.handle(new FindSeatMapQuery(batched.get(s))))
                    .get()
                    .usingRecursiveComparison()
                    .ignoringFields("screeningId")
                    .isEqualTo(queries.handle(new FindSeatMapQuery(oneAtATime.get(s)))
                            .orElseThrow());
        }
    }

    /**
     * A seat change is one commit with two events of the screening (a release, then a hold). When
     * that commit comes after another one that took later positions in the store, the tracking
     * processor folds its two events as gap fills, both with the highest position seen so far:
     * the map must still take both (it once took the second for a repeat of the first).
     */
    @Test
    void bothEventsOfALateCommitReachTheSeatMap() throws Exception {
        ScreeningScheduledEvent scheduled = events.scheduled(events.catalogue(ZoneId.of("Europe/Paris")), inDays(8));
        String screeningId = scheduled.screeningId().value();
        ScreeningId screening = scheduled.screeningId();
        BookingId booking = BookingId.random();
        events.publish(screeningId, scheduled);
        events.publish(
                screeningId,
                new SeatsHeldEvent(
                        screening,
                        booking,
                        AccountId.random(),
                        List.of(seat("A1")),
                        Instant.now().plus(10, ChronoUnit.MINUTES)));
        awaitSeatMap(
                screeningId,
                body -> "HELD".equals(body.at("/rows/0/cells/0/state").asText()));

        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            transactions.executeWithoutResult(status -> {
                // Stored (and so given their positions) now, committed only at the end of this block.
                events.publish(
                        screeningId, new SeatsReleasedEvent(screening, booking, List.of("A1"), ReleaseReason.CHANGED));
                events.publish(
                        screeningId,
                        new SeatsHeldEvent(
                                screening,
                                booking,
                                AccountId.random(),
                                List.of(seat("B1")),
                                Instant.now().plus(10, ChronoUnit.MINUTES)));
                try {
                    // Meanwhile another commit takes later positions, and the seat map goes past it.
                    String elsewhere = other.submit(
                                    () -> events.schedule(events.catalogue(ZoneId.of("Europe/Paris")), inDays(9)))
                            .get();
                    awaitSeatMap(elsewhere, body -> true);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } finally {
            other.shutdownNow();
        }

        Response changed = awaitSeatMap(
                screeningId,
                body -> "FREE".equals(body.at("/rows/0/cells/0/state").asText()));
        await().atMost(CATCH_UP)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(http.get("/api/screenings/" + screeningId + "/seat-map", null)
                                .text("rows/1/cells/0/state"))
                        .as("B1, held by the second event of the late commit")
                        .isEqualTo("HELD"));
        assertThat(changed.text("rows/0/cells/0/state")).isEqualTo("FREE");
    }

    @Test
    void aReleaseNeverFreesASeatAnotherBookingHoldsNow() {
        ScreeningScheduledEvent scheduled = events.scheduled(events.catalogue(ZoneId.of("Europe/Paris")), inDays(6));
        ScreeningId screening = scheduled.screeningId();
        BookingId first = BookingId.random();
        BookingId second = BookingId.random();
        SeatsReleasedEvent firstLetsGo = new SeatsReleasedEvent(screening, first, List.of("A2"), ReleaseReason.EXPIRED);
        transactions.executeWithoutResult(status -> {
            projection.on(scheduled, 10, ReplayStatus.REGULAR);
            projection.on(
                    new SeatsHeldEvent(screening, first, AccountId.random(), List.of(seat("A2")), Instant.now()),
                    11,
                    ReplayStatus.REGULAR);
            projection.on(firstLetsGo, 12, ReplayStatus.REGULAR);
            projection.on(
                    new SeatsHeldEvent(screening, second, AccountId.random(), List.of(seat("A2")), Instant.now()),
                    13,
                    ReplayStatus.REGULAR);
            // The first booking's release once more, as if it came late: A2 is the second booking's now.
            projection.on(firstLetsGo, 14, ReplayStatus.REGULAR);
        });
        SeatMap map = queries.handle(new FindSeatMapQuery(screening.value())).orElseThrow();
        assertThat(map.rows().get(0).cells().get(2).state()).isEqualTo(SeatState.HELD);
        assertThat(map.freeSeats()).isEqualTo(4);
    }

    @Test
    void aResetEmptiesTheSeatMapTables() {
        String screeningId = events.schedule(events.catalogue(ZoneId.of("Europe/Paris")), inDays(7));
        awaitSeatMap(screeningId, body -> true);
        // Rolled back, so that the other tests sharing this database keep their seat maps.
        transactions.executeWithoutResult(status -> {
            projection.reset();
            assertThat(maps.count()).isZero();
            assertThat(cells.count()).isZero();
            status.setRollbackOnly();
        });
        assertThat(queries.handle(new FindSeatMapQuery(screeningId))).isPresent();
    }

    @Test
    void theLiveSeatMapStartsWithTheCurrentMapThenFollowsEveryChangeUntilTheClientLeaves() throws Exception {
        String screeningId = events.schedule(events.catalogue(ZoneId.of("Europe/Paris")), inDays(2));
        awaitSeatMap(screeningId, body -> true);

        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/screenings/" + screeningId
                                        + "/seat-map/stream"))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                stream.body()
                        .filter(line -> line.startsWith("data:"))
                        .forEach(line ->
                                data.add(line.substring("data:".length()).trim()));
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            JsonNode initial = JsonHttp.MAPPER.readTree(data.poll(15, TimeUnit.SECONDS));
            assertThat(initial.path("screeningId").asText()).isEqualTo(screeningId);
            assertThat(initial.path("freeSeats").asInt()).isEqualTo(5);
            assertThat(subscribed(screeningId)).isTrue();

            BookingId buyer = BookingId.random();
            hold(screeningId, buyer, AccountId.random(), "B3");
            JsonNode update = JsonHttp.MAPPER.readTree(data.poll(15, TimeUnit.SECONDS));
            assertThat(update.at("/rows/1/cells/2/label").asText()).isEqualTo("B3");
            assertThat(update.at("/rows/1/cells/2/state").asText()).isEqualTo("HELD");
            assertThat(update.path("freeSeats").asInt()).isEqualTo(4);
            assertThat(update.path("version").asLong())
                    .isGreaterThan(initial.path("version").asLong());

            sell(screeningId, buyer, "B3");
            JsonNode sale = JsonHttp.MAPPER.readTree(data.poll(15, TimeUnit.SECONDS));
            assertThat(sale.at("/rows/1/cells/2/state").asText()).isEqualTo("SOLD");
            assertThat(sale.path("freeSeats").asInt()).isEqualTo(4);
            assertThat(sale.path("version").asLong())
                    .isGreaterThan(update.path("version").asLong());
        } finally {
            stream.body().close();
        }

        // The server learns that the client left when it next writes to it; then it unsubscribes.
        BookingId toggling = BookingId.random();
        boolean[] holding = {false};
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(300)).until(() -> {
            if (holding[0]) {
                release(screeningId, toggling, "A1");
            } else {
                hold(screeningId, toggling, AccountId.random(), "A1");
            }
            holding[0] = !holding[0];
            return !subscribed(screeningId);
        });
    }

    /**
     * A watched map changed by many events of one processor batch is sent once, as the batch leaves
     * it: each map sent is whole, so a watcher needs only the latest, and reading back a 1,500-seat
     * map for every event of a busy screening is what made live maps fall behind.
     */
    @Test
    void aBatchOfChangesToAWatchedMapSendsTheMapOnceAsTheBatchLeavesIt() {
        ScreeningScheduledEvent scheduled = events.scheduled(events.catalogue(ZoneId.of("Europe/Paris")), inDays(6));
        ScreeningId screening = scheduled.screeningId();
        transactions.executeWithoutResult(status -> projection.on(scheduled, 0, ReplayStatus.REGULAR));
        SubscriptionQueryResult<SeatMap, SeatMap> watching = gateway.subscriptionQuery(
                new FindSeatMapQuery(screening.value()),
                ResponseTypes.instanceOf(SeatMap.class),
                ResponseTypes.instanceOf(SeatMap.class));
        List<SeatMap> sent = new CopyOnWriteArrayList<>();
        watching.updates().subscribe(sent::add);
        try {
            batches.deliver(
                    projection,
                    List.of(heldAt(screening, 1, "A1"), heldAt(screening, 2, "B2"), heldAt(screening, 3, "B3")));
            batches.deliver(projection, List.of(heldAt(screening, 4, "A2")));

            await().atMost(CATCH_UP).until(() -> sent.size() >= 2);
            assertThat(sent).extracting(SeatMap::version).containsExactly(3L, 4L);
            assertThat(sent.get(0).freeSeats()).isEqualTo(2);
            assertThat(sent.get(1).freeSeats()).isEqualTo(1);
        } finally {
            watching.cancel();
        }
    }

    /** Two watched maps changed in one batch: each watcher hears its own screening's map, and only it. */
    @Test
    void aBatchChangingTwoWatchedMapsSendsEachToItsOwnWatchers() {
        List<ScreeningId> screenings = new ArrayList<>();
        List<List<SeatMap>> sent = new ArrayList<>();
        List<SubscriptionQueryResult<SeatMap, SeatMap>> watching = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ScreeningScheduledEvent scheduled =
                    events.scheduled(events.catalogue(ZoneId.of("Europe/Paris")), inDays(6));
            transactions.executeWithoutResult(status -> projection.on(scheduled, 0, ReplayStatus.REGULAR));
            screenings.add(scheduled.screeningId());
            SubscriptionQueryResult<SeatMap, SeatMap> subscription = gateway.subscriptionQuery(
                    new FindSeatMapQuery(scheduled.screeningId().value()),
                    ResponseTypes.instanceOf(SeatMap.class),
                    ResponseTypes.instanceOf(SeatMap.class));
            List<SeatMap> received = new CopyOnWriteArrayList<>();
            subscription.updates().subscribe(received::add);
            watching.add(subscription);
            sent.add(received);
        }
        try {
            batches.deliver(
                    projection,
                    List.of(
                            heldAt(screenings.get(0), 1, "A1"),
                            heldAt(screenings.get(1), 1, "B2"),
                            heldAt(screenings.get(1), 2, "B3")));

            await().atMost(CATCH_UP)
                    .until(() -> !sent.get(0).isEmpty() && !sent.get(1).isEmpty());
            for (int i = 0; i < 2; i++) {
                assertThat(sent.get(i)).hasSize(1);
                assertThat(sent.get(i).get(0).screeningId())
                        .isEqualTo(screenings.get(i).value());
            }
            assertThat(sent.get(0).get(0).freeSeats()).isEqualTo(4);
            assertThat(sent.get(1).get(0).freeSeats()).isEqualTo(3);
        } finally {
            watching.forEach(SubscriptionQueryResult::cancel);
        }
    }

    private static DomainEventMessage<?> heldAt(ScreeningId screening, long sequence, String seat) {
        return new GenericDomainEventMessage<>(
                "Screening",
                screening.value(),
                sequence,
                new SeatsHeldEvent(
                        screening,
                        BookingId.random(),
                        AccountId.random(),
                        List.of(seat(seat)),
                        Instant.now().plus(10, ChronoUnit.MINUTES)));
    }

    @Test
    void theETagNamesTheMapsVersionAndAnUnchangedMapIsNotSentAgain() throws Exception {
        String screeningId = events.schedule(events.catalogue(ZoneId.of("Europe/Paris")), inDays(3));
        Response first = awaitSeatMap(screeningId, body -> true);
        URI uri = URI.create("http://localhost:" + port + "/api/screenings/" + screeningId + "/seat-map");
        HttpClient client = HttpClient.newHttpClient();

        HttpResponse<String> plain =
                client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(200);
        String etag = plain.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"" + first.text("version") + "-").endsWith("\"");
        assertThat(plain.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(JsonHttp.MAPPER.readTree(plain.body())).isEqualTo(JsonHttp.MAPPER.readTree(first.raw()));

        HttpResponse<String> unchanged = client.send(
                HttpRequest.newBuilder(uri).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        HttpResponse<String> listed = client.send(
                HttpRequest.newBuilder(uri)
                        .header("If-None-Match", "\"other\", W/" + etag)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).as("a weak tag in a list").isEqualTo(304);

        hold(screeningId, BookingId.random(), AccountId.random(), "A1");
        awaitSeatMap(screeningId, body -> body.path("freeSeats").asInt() == 4);
        HttpResponse<String> changed = client.send(
                HttpRequest.newBuilder(uri).header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
        assertThat(JsonHttp.MAPPER.readTree(changed.body()).path("freeSeats").asInt())
                .isEqualTo(4);
    }

    @Test
    void unknownScreeningsAndOverlongIdsAreProblems() throws Exception {
        Response unknown = http.get("/api/screenings/no-such-screening/seat-map", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();

        HttpResponse<String> unknownStream = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                        + "/api/screenings/no-such-screening/seat-map/stream"))
                                .header("Accept", "text/event-stream")
                                .timeout(Duration.ofSeconds(15))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(unknownStream.statusCode()).isEqualTo(404);
        assertThat(unknownStream.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(subscribed("no-such-screening")).isFalse();

        Response overlong = http.get("/api/screenings/" + "x".repeat(65) + "/seat-map", null);
        assertThat(overlong.status()).isEqualTo(400);
        assertThat(overlong.errorFields()).contains("screeningId");
    }

    // ---------------------------------------------------------------- helpers

    /**
     * A screening's events (for whichever id it is given): scheduled, then holds, sales and releases
     * of four bookings naming random seats (Z9 is no seat of the layout), price changes, sales
     * opened, and perhaps a cancellation.
     */
    static List<Function<ScreeningId, Object>> seatStream(Random random, int length) {
        List<String> labels = List.of("A1", "A2", "B1", "B2", "B3", "Z9");
        List<Function<ScreeningId, Object>> stream = new ArrayList<>();
        boolean onSale = random.nextBoolean();
        stream.add(id -> new ScreeningScheduledEvent(
                id,
                FilmId.of("film-1"),
                ScreenId.of("screen-1"),
                CinemaId.of("cinema-1"),
                Instant.parse("2027-01-01T20:00:00Z"),
                Instant.parse("2027-01-01T22:00:00Z"),
                EventFeed.LAYOUT,
                EventFeed.PRICES,
                onSale));
        boolean cancelled = false;
        for (int e = 1; e < length; e++) {
            BookingId booking = BookingId.of("booking-" + random.nextInt(4));
            List<String> seats = new ArrayList<>(labels);
            Collections.shuffle(seats, random);
            List<String> some = List.copyOf(seats.subList(0, 1 + random.nextInt(3)));
            int dice = random.nextInt(100);
            if (dice < 35) {
                AccountId customer = AccountId.of("customer-" + random.nextInt(4));
                stream.add(id -> new SeatsHeldEvent(
                        id,
                        booking,
                        customer,
                        some.stream().map(SeatMapApiIntegrationTest::seat).toList(),
                        Instant.parse("2027-01-01T19:00:00Z")));
            } else if (dice < 60) {
                stream.add(id -> new SeatsSoldEvent(id, booking, some));
            } else if (dice < 85) {
                stream.add(id -> new SeatsReleasedEvent(id, booking, some, ReleaseReason.EXPIRED));
            } else if (dice < 92) {
                long price = 1000 + random.nextInt(10) * 100;
                stream.add(id -> new ScreeningPricesChangedEvent(
                        id,
                        Map.of(SeatType.STANDARD, Money.of(price, "EUR"), SeatType.PREMIUM, Money.of(2000, "EUR"))));
            } else if (dice < 97 || cancelled) {
                stream.add(ScreeningSalesOpenedEvent::new);
            } else {
                cancelled = true;
                stream.add(id -> new ScreeningCancelledEvent(id, ScreenId.of("screen-1"), "Flood"));
            }
        }
        return stream;
    }

    static List<String> screeningIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(ScreeningId.random().value());
        }
        return ids;
    }

    /** The streams' events for these screening ids, in {@code order} (a stream's index per event). */
    static List<DomainEventMessage<?>> interleaved(
            List<List<Function<ScreeningId, Object>>> streams, List<Integer> order, List<String> ids) {
        int[] next = new int[streams.size()];
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int s : order) {
            int sequence = next[s]++;
            ScreeningId id = ScreeningId.of(ids.get(s));
            events.add(new GenericDomainEventMessage<>(
                    "Screening",
                    id.value(),
                    sequence,
                    streams.get(s).get(sequence).apply(id),
                    MetaData.emptyInstance(),
                    UUID.randomUUID().toString(),
                    Instant.parse("2026-12-01T10:00:00Z").plusSeconds(events.size())));
        }
        return events;
    }

    List<String> seatRows(List<String> screeningIds) {
        List<String> rows = new ArrayList<>(batches.rows("seat_map", "screening_id", screeningIds));
        rows.addAll(batches.rows("seat_map_cell", "screening_id", screeningIds));
        return rows;
    }

    static Instant inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    }

    static SeatPrice seat(String label) {
        return new SeatPrice(
                label,
                label.startsWith("A") ? SeatType.STANDARD : SeatType.PREMIUM,
                Money.of(label.startsWith("A") ? 1200 : 1800, "EUR"));
    }

    void hold(String screeningId, BookingId booking, AccountId customer, String... seats) {
        events.publish(
                screeningId,
                new SeatsHeldEvent(
                        ScreeningId.of(screeningId),
                        booking,
                        customer,
                        Stream.of(seats).map(SeatMapApiIntegrationTest::seat).toList(),
                        Instant.now().plus(10, ChronoUnit.MINUTES)));
    }

    void release(String screeningId, BookingId booking, String... seats) {
        events.publish(
                screeningId,
                new SeatsReleasedEvent(ScreeningId.of(screeningId), booking, List.of(seats), ReleaseReason.CANCELLED));
    }

    void sell(String screeningId, BookingId booking, String... seats) {
        events.publish(screeningId, new SeatsSoldEvent(ScreeningId.of(screeningId), booking, List.of(seats)));
    }

    boolean subscribed(String screeningId) {
        return updates.activeSubscriptions().stream()
                .anyMatch(query -> query.getPayload() instanceof FindSeatMapQuery find
                        && find.screeningId().equals(screeningId));
    }

    Response awaitSeatMap(String screeningId, java.util.function.Predicate<JsonNode> condition) {
        Response[] last = new Response[1];
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            last[0] = http.get("/api/screenings/" + screeningId + "/seat-map", null);
            assertThat(last[0].status()).isEqualTo(200);
            assertThat(condition.test(last[0].body())).as(last[0].raw()).isTrue();
        });
        return last[0];
    }

    void awaitListedFreeSeats(String screeningId, int free) {
        await().atMost(CATCH_UP)
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(
                                http.get("/api/screenings/" + screeningId, null).text("freeSeats"))
                        .isEqualTo(Integer.toString(free)));
    }

    /** The states of the seats (gaps left out), row by row. */
    static List<String> states(Response map) {
        return states(map.body());
    }

    static List<String> states(JsonNode map) {
        List<String> states = new ArrayList<>();
        map.get("rows")
                .forEach(row -> row.get("cells").forEach(cell -> {
                    if (!cell.path("label").isNull()) {
                        states.add(cell.path("state").asText());
                    }
                }));
        return states;
    }

    static List<SeatState> seatStates(SeatMap map) {
        return map.rows().stream()
                .flatMap(row -> row.cells().stream())
                .filter(cell -> cell.label() != null)
                .map(cell -> cell.state())
                .toList();
    }
}
