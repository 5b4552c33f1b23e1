package dev.cinema.query.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.alert.AlertDetails;
import dev.cinema.contracts.alert.AlertId;
import dev.cinema.contracts.alert.AlertNotice;
import dev.cinema.contracts.alert.AlertPage;
import dev.cinema.contracts.alert.AlertRaisedEvent;
import dev.cinema.contracts.alert.AlertReadEvent;
import dev.cinema.contracts.alert.AlertRefs;
import dev.cinema.contracts.alert.AlertType;
import dev.cinema.contracts.alert.FindAlertsQuery;
import dev.cinema.contracts.alert.InboxId;
import dev.cinema.contracts.alert.WatchAlertsQuery;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentId;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.JsonHttp.Response;
import dev.cinema.platform.testsupport.TestKeys;
import dev.cinema.platform.testsupport.TestTokens;
import dev.cinema.query.QuerySideApplication;
import dev.cinema.query.testing.EventFeed;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer's alerts over the query API, fed with inbox and catalogue events written straight into
 * the shared event store, as the command side would. Runs on H2 and on PostgreSQL.
 */
@SpringBootTest(
        classes = QuerySideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = QuerySideApplication.CONFIG_NAME)
@ContextConfiguration(initializers = TestKeys.class)
abstract class AlertApiIntegrationTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(15);
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AlertProjection projection;

    @Autowired
    AlertQueries queries;

    @Autowired
    QueryGateway queryGateway;

    JsonHttp http;
    EventFeed events;

    @BeforeEach
    void connect() {
        http = JsonHttp.localhost(port);
        events = new EventFeed(eventStore, transactions);
    }

    @Test
    void anInboxListsItsAlertsNewestFirstInTheCinemasZoneWithItsUnreadCount() {
        // 10:30 UTC is 19:30 in Tokyo.
        Instant startsAt = Instant.now()
                .plus(3, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofMinutes(630));
        String screening = events.schedule(events.catalogue(TOKYO), startsAt);
        AccountId customer = AccountId.random();
        Instant at = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        AlertRaisedEvent declined = raise(customer, AlertType.PAYMENT_DECLINED, screening, at);
        AlertRaisedEvent confirmed = raise(customer, AlertType.BOOKING_CONFIRMED, screening, at.plusSeconds(60));
        AlertRaisedEvent expiring = raise(customer, AlertType.HOLD_EXPIRING, screening, at.plusSeconds(30));
        events.publish(
                InboxId.of(customer).value(), new AlertReadEvent(InboxId.of(customer), customer, declined.alertId()));
        String token = TestTokens.valid(customer.value(), "CUSTOMER");

        Response inbox = await().atMost(CATCH_UP)
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> http.get("/api/me/alerts", token),
                        // The count and the page are two statements; on H2 (no snapshot between them) a
                        // read flag folded in between shows in one only: wait for both to agree.
                        page -> "2".equals(page.text("unreadCount"))
                                && "3".equals(page.text("page/totalElements"))
                                && "true".equals(page.text("items/2/read")));
        assertThat(List.of(inbox.text("items/0/alertId"), inbox.text("items/1/alertId"), inbox.text("items/2/alertId")))
                .containsExactly(
                        confirmed.alertId().value(),
                        expiring.alertId().value(),
                        declined.alertId().value());
        assertThat(inbox.text("items/0/type")).isEqualTo("BOOKING_CONFIRMED");
        assertThat(inbox.text("items/0/text"))
                .isEqualTo("Booking confirmed: seats A1, A2 for Night Train at Cine Lumière on "
                        + DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH)
                                .format(startsAt.atZone(TOKYO))
                        + ", 19:30. Paid 25.00 EUR.");
        assertThat(Instant.parse(inbox.text("items/0/occurredAt"))).isEqualTo(at.plusSeconds(60));
        assertThat(inbox.text("items/0/read")).isEqualTo("false");
        assertThat(inbox.text("items/0/bookingId"))
                .isEqualTo(confirmed.refs().bookingId().value());
        assertThat(inbox.text("items/0/screeningId")).isEqualTo(screening);
        assertThat(inbox.text("items/0/filmId")).as("from the screening").isNotNull();
        assertThat(inbox.text("items/0/paymentId")).isEqualTo("payment-1");
        assertThat(inbox.text("items/0/refundId")).isNull();

        Response unread = http.get("/api/me/alerts?unread=true", token);
        assertThat(unread.body().get("items")).hasSize(2);
        assertThat(unread.text("unreadCount")).isEqualTo("2");
        Response second = http.get("/api/me/alerts?size=1&page=1", token);
        assertThat(second.text("items/0/alertId")).isEqualTo(expiring.alertId().value());
        assertThat(second.text("page/totalPages")).isEqualTo("3");

        Response stranger = http.get("/api/me/alerts", TestTokens.customer());
        assertThat(stranger.body().get("items")).isEmpty();
        assertThat(stranger.text("unreadCount")).isEqualTo("0");
        assertThat(http.get("/api/me/alerts?size=0", token).status()).isEqualTo(400);
        assertThat(http.get("/api/me/alerts", null).status()).isEqualTo(401);
    }

    @Test
    void foldingTheSameInboxEventsTwiceLeavesTheSameInbox() {
        String screening =
                events.schedule(events.catalogue(TOKYO), Instant.now().plus(2, ChronoUnit.DAYS));
        AccountId customer = AccountId.random();
        AlertRaisedEvent raised = raised(customer, AlertType.HOLD_EXPIRED, screening, Instant.now());
        AlertReadEvent read = new AlertReadEvent(InboxId.of(customer), customer, raised.alertId());
        Instant readAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Runnable foldAll = () -> transactions.executeWithoutResult(status -> {
            projection.on(raised, ReplayStatus.REGULAR);
            projection.on(read, readAt, ReplayStatus.REGULAR);
        });
        foldAll.run();
        // An alert names its screening's film once the projection's processor has folded the
        // scheduling too (published above, handled on the processor's own thread): wait for that,
        // or the two reads below compare an inbox before it with one after it.
        await().atMost(CATCH_UP)
                .until(() -> queries.handle(new FindAlertsQuery(customer.value(), false, 0, 10))
                                .items()
                                .get(0)
                                .filmId()
                        != null);
        AlertPage once = queries.handle(new FindAlertsQuery(customer.value(), false, 0, 10));
        foldAll.run();
        transactions.executeWithoutResult(status -> projection.on(raised, ReplayStatus.REGULAR));
        AlertPage twice = queries.handle(new FindAlertsQuery(customer.value(), false, 0, 10));

        assertThat(twice).isEqualTo(once);
        assertThat(twice.items()).hasSize(1);
        assertThat(twice.items().get(0).read()).isTrue();
        assertThat(twice.unreadCount()).isZero();
    }

    @Test
    void aLiveInboxHearsNewAlertsAndReadsButNothingThatIsReplayed() {
        String screening =
                events.schedule(events.catalogue(TOKYO), Instant.now().plus(2, ChronoUnit.DAYS));
        AccountId customer = AccountId.random();
        SubscriptionQueryResult<AlertNotice, AlertNotice> live = queryGateway.subscriptionQuery(
                new WatchAlertsQuery(customer.value()),
                ResponseTypes.instanceOf(AlertNotice.class),
                ResponseTypes.instanceOf(AlertNotice.class));
        List<AlertNotice> heard = new CopyOnWriteArrayList<>();
        try {
            assertThat(live.initialResult().block(CATCH_UP)).isEqualTo(new AlertNotice(null, 0));
            live.updates().subscribe(heard::add);

            // A replay folds the alert, and sends nothing.
            AlertRaisedEvent replayed = raised(customer, AlertType.HOLD_EXPIRED, screening, Instant.now());
            transactions.executeWithoutResult(status -> projection.on(replayed, ReplayStatus.REPLAY));
            transactions.executeWithoutResult(status -> projection.on(
                    new AlertReadEvent(InboxId.of(customer), customer, replayed.alertId()),
                    Instant.now(),
                    ReplayStatus.REPLAY));

            AlertRaisedEvent live1 = raise(customer, AlertType.BOOKING_CONFIRMED, screening, Instant.now());
            await().atMost(CATCH_UP).until(() -> heard.size() == 1);
            assertThat(heard.get(0).alert().alertId()).isEqualTo(live1.alertId().value());
            assertThat(heard.get(0).alert().text()).startsWith("Booking confirmed: seats A1, A2 for Night Train");
            assertThat(heard.get(0).unreadCount()).isEqualTo(1);

            events.publish(
                    InboxId.of(customer).value(), new AlertReadEvent(InboxId.of(customer), customer, live1.alertId()));
            await().atMost(CATCH_UP).until(() -> heard.size() == 2);
            assertThat(heard.get(1)).isEqualTo(new AlertNotice(null, 0));
        } finally {
            live.cancel();
        }
        assertThat(heard).hasSize(2);
    }

    @Test
    void aClientOfTheLiveInboxHearsANewAlertWithinASecond() throws Exception {
        String screening =
                events.schedule(events.catalogue(TOKYO), Instant.now().plus(2, ChronoUnit.DAYS));
        AccountId customer = AccountId.random();
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/me/alerts/stream"))
                                .header("Accept", "text/event-stream")
                                .header("Authorization", "Bearer " + TestTokens.valid(customer.value(), "CUSTOMER"))
                                .build(),
                        HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                stream.body().filter(line -> !line.isEmpty()).forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(lines.poll(15, TimeUnit.SECONDS)).isEqualTo("event:unread-count");
            assertThat(data(lines.poll(5, TimeUnit.SECONDS)).path("unreadCount").asLong())
                    .isZero();

            long sent = System.nanoTime();
            AlertRaisedEvent raised = raise(customer, AlertType.REFUND_COMPLETED, screening, Instant.now());
            assertThat(lines.poll(5, TimeUnit.SECONDS)).isEqualTo("event:alert");
            long heardAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
            assertThat(lines.poll(5, TimeUnit.SECONDS))
                    .isEqualTo("id:" + raised.alertId().value());
            JsonNode alert = data(lines.poll(5, TimeUnit.SECONDS));
            assertThat(alert.path("alertId").asText())
                    .isEqualTo(raised.alertId().value());
            assertThat(alert.path("type").asText()).isEqualTo("REFUND_COMPLETED");
            assertThat(lines.poll(5, TimeUnit.SECONDS)).isEqualTo("event:unread-count");
            assertThat(data(lines.poll(5, TimeUnit.SECONDS)).path("unreadCount").asLong())
                    .isEqualTo(1);
            assertThat(heardAfter).as("ms from the event to the client").isLessThan(1000);
        } finally {
            stream.body().close();
        }
    }

    // ---------------------------------------------------------------- helpers

    private AlertRaisedEvent raise(AccountId customer, AlertType type, String screening, Instant at) {
        AlertRaisedEvent event = raised(customer, type, screening, at);
        events.publish(event.inboxId().value(), event);
        return event;
    }

    private static AlertRaisedEvent raised(AccountId customer, AlertType type, String screening, Instant at) {
        return new AlertRaisedEvent(
                InboxId.of(customer),
                customer,
                AlertId.derivedFrom(UUID.randomUUID().toString(), ""),
                type,
                AlertRefs.booking(BookingId.random(), ScreeningId.of(screening)).withPayment(PaymentId.of("payment-1")),
                AlertDetails.of(Money.of(2500, "EUR"), List.of("A1", "A2"))
                        .withExpiresAt(at.plusSeconds(120))
                        .withReason("card_declined"),
                at.truncatedTo(ChronoUnit.MILLIS));
    }

    private static JsonNode data(String line) throws Exception {
        assertThat(line).startsWith("data:");
        return JsonHttp.MAPPER.readTree(line.substring("data:".length()));
    }
}
