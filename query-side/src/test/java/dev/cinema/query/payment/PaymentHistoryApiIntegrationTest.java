package dev.cinema.query.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.listing.Paging;
import dev.cinema.contracts.payment.FindBookingPaymentsQuery;
import dev.cinema.contracts.payment.FindCustomerPaymentsQuery;
import dev.cinema.contracts.payment.PaymentCapturedEvent;
import dev.cinema.contracts.payment.PaymentDeclinedEvent;
import dev.cinema.contracts.payment.PaymentHistoryEntry;
import dev.cinema.contracts.payment.PaymentHistoryPage;
import dev.cinema.contracts.payment.PaymentId;
import dev.cinema.contracts.payment.PaymentRefundedEvent;
import dev.cinema.contracts.payment.PaymentRequestedEvent;
import dev.cinema.contracts.payment.PaymentStatus;
import dev.cinema.contracts.payment.PaymentTotals;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.JsonHttp.Response;
import dev.cinema.platform.testsupport.TestKeys;
import dev.cinema.platform.testsupport.TestTokens;
import dev.cinema.query.QuerySideApplication;
import dev.cinema.query.rebuild.SlotRouting;
import dev.cinema.query.testing.Batches;
import dev.cinema.query.testing.EventFeed;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payment histories over the query API, fed with payment events written straight into the shared
 * event store, as the command side would. Runs on H2 and on PostgreSQL.
 */
@SpringBootTest(
        classes = QuerySideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = QuerySideApplication.CONFIG_NAME)
@ContextConfiguration(initializers = TestKeys.class)
abstract class PaymentHistoryApiIntegrationTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    PaymentHistoryProjection projection;

    @Autowired
    PaymentHistoryQueries queries;

    @Autowired
    PaymentHistoryRows entries;

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
    void aCustomerSeesTheirPaymentsNewestFirstWithTotalsOverTheWholeHistory() {
        String customer = AccountId.random().value();
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        Payment captured = new Payment(customer, Money.of(1200, "EUR"));
        Payment declined = new Payment(customer, Money.of(1800, "EUR"));
        Payment refunded = new Payment(customer, Money.of(3000, "EUR"));
        Payment pounds = new Payment(customer, Money.of(900, "GBP"));
        captured.request(start).capture(start.plusSeconds(60), "psp-capture-1");
        declined.request(start.plusSeconds(120)).decline(start.plusSeconds(180), "insufficient_funds");
        refunded.request(start.plusSeconds(240))
                .capture(start.plusSeconds(300), "psp-capture-3")
                .refund(start.plusSeconds(360), "psp-refund-3", "screening cancelled");
        pounds.request(start.plusSeconds(420)).capture(start.plusSeconds(480), "psp-capture-4");
        String token = TestTokens.valid(customer, "CUSTOMER");

        Response history = awaitHistory("/api/me/payments", token, 5, "items/0/status", "CAPTURED");
        assertThat(history.text("items/0/paymentId")).isEqualTo(pounds.id());
        assertThat(history.text("items/1/paymentId")).isEqualTo(refunded.id());
        assertThat(history.text("items/1/kind")).isEqualTo("REFUND");
        assertThat(history.text("items/1/status")).isEqualTo("REFUNDED");
        assertThat(history.text("items/1/amount/amountMinor")).isEqualTo("3000");
        assertThat(history.text("items/1/pspReference")).isEqualTo("psp-refund-3");
        assertThat(history.text("items/1/reason")).isEqualTo("screening cancelled");
        assertThat(Instant.parse(history.text("items/1/at"))).isEqualTo(start.plusSeconds(360));
        assertThat(history.text("items/2/paymentId")).isEqualTo(refunded.id());
        assertThat(history.text("items/2/kind")).isEqualTo("PAYMENT");
        assertThat(history.text("items/2/status"))
                .as("a refunded payment was still paid")
                .isEqualTo("CAPTURED");
        assertThat(history.text("items/3/paymentId")).isEqualTo(declined.id());
        assertThat(history.text("items/3/status")).isEqualTo("DECLINED");
        assertThat(history.text("items/3/reason")).isEqualTo("insufficient_funds");
        assertThat(history.text("items/3/pspReference")).isNull();
        assertThat(history.text("items/4/paymentId")).isEqualTo(captured.id());
        assertThat(history.text("items/4/bookingId")).isEqualTo(captured.bookingId());
        assertThat(history.text("items/4/customerId")).isEqualTo(customer);
        assertThat(history.text("items/4/status")).isEqualTo("CAPTURED");
        assertThat(history.text("items/4/pspReference")).isEqualTo("psp-capture-1");
        assertThat(history.text("items/4/amount/currency")).isEqualTo("EUR");
        assertThat(Instant.parse(history.text("items/4/at"))).isEqualTo(start.plusSeconds(60));
        assertThat(history.text("page/totalElements")).isEqualTo("5");
        assertThat(totals(history))
                .containsExactly("EUR paid 4200 refunded 3000 net 1200", "GBP paid 900 refunded 0 net 900");

        Response secondPage = http.get("/api/me/payments?size=2&page=1", token);
        assertThat(secondPage.status()).isEqualTo(200);
        assertThat(secondPage.body().get("items")).hasSize(2);
        assertThat(secondPage.text("items/0/paymentId")).isEqualTo(refunded.id());
        assertThat(secondPage.text("items/0/kind")).isEqualTo("PAYMENT");
        assertThat(secondPage.text("page/totalPages")).isEqualTo("3");
        assertThat(totals(secondPage))
                .as("totals cover the whole history, not the page")
                .containsExactly("EUR paid 4200 refunded 3000 net 1200", "GBP paid 900 refunded 0 net 900");
        Response oldestFirst = http.get("/api/me/payments?sort=at,asc&size=1", token);
        assertThat(oldestFirst.text("items/0/paymentId")).isEqualTo(captured.id());

        Response booking = http.get("/api/me/bookings/" + refunded.bookingId() + "/payments", token);
        assertThat(booking.status()).isEqualTo(200);
        assertThat(booking.body().get("items")).hasSize(2);
        assertThat(booking.text("items/0/kind")).isEqualTo("REFUND");
        assertThat(booking.text("items/1/kind")).isEqualTo("PAYMENT");
        assertThat(totals(booking)).containsExactly("EUR paid 3000 refunded 3000 net 0");
        Response declinedOnly = http.get("/api/me/bookings/" + declined.bookingId() + "/payments", token);
        assertThat(totals(declinedOnly)).as("a decline charged nothing").containsExactly("EUR paid 0 refunded 0 net 0");
    }

    @Test
    void aPaymentRefundedInTwoStepsShowsBothRefunds() {
        String customer = AccountId.random().value();
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        Payment payment = new Payment(customer, Money.of(2732, "GBP"));
        payment.request(start).capture(start.plusSeconds(10), "ch-1");
        payment.refundPart(start.plusSeconds(20), Money.of(1155, "GBP"), "re-1");
        payment.refundPart(start.plusSeconds(30), Money.of(1577, "GBP"), "re-2");
        String token = TestTokens.valid(customer, "CUSTOMER");

        Response history = awaitHistory(
                "/api/me/bookings/" + payment.bookingId() + "/payments", token, 3, "items/0/pspReference", "re-2");
        assertThat(history.text("items/1/pspReference")).isEqualTo("re-1");
        assertThat(history.text("items/2/kind")).isEqualTo("PAYMENT");
        assertThat(totals(history)).containsExactly("GBP paid 2732 refunded 2732 net 0");
    }

    @Test
    void aRequestedPaymentIsListedUntilTheProviderAnswers() {
        String customer = AccountId.random().value();
        Payment pending = new Payment(customer, Money.of(2400, "EUR")).request(Instant.now());
        String token = TestTokens.valid(customer, "CUSTOMER");

        Response history = awaitHistory("/api/me/payments", token, 1, "items/0/status", "REQUESTED");
        assertThat(history.text("items/0/kind")).isEqualTo("PAYMENT");
        assertThat(totals(history)).containsExactly("EUR paid 0 refunded 0 net 0");

        pending.capture(Instant.now(), "psp-late");
        Response answered = awaitHistory("/api/me/payments", token, 1, "items/0/status", "CAPTURED");
        assertThat(answered.text("items/0/pspReference")).isEqualTo("psp-late");
        assertThat(totals(answered)).containsExactly("EUR paid 2400 refunded 0 net 2400");
    }

    @Test
    void anotherCustomerSeesNoneOfIt() {
        String owner = AccountId.random().value();
        Payment payment = new Payment(owner, Money.of(1800, "EUR"));
        payment.request(Instant.now())
                .capture(Instant.now(), "psp-owner")
                .refund(Instant.now(), "psp-owner-refund", "changed my mind");
        awaitHistory("/api/me/payments", TestTokens.valid(owner, "CUSTOMER"), 2, "items/0/kind", "REFUND");

        String stranger = TestTokens.customer();
        Response theirs = http.get("/api/me/payments", stranger);
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.body().get("items")).isEmpty();
        assertThat(theirs.body().get("totals")).isEmpty();
        assertThat(theirs.text("page/totalElements")).isEqualTo("0");
        Response booking = http.get("/api/me/bookings/" + payment.bookingId() + "/payments", stranger);
        assertThat(booking.status()).isEqualTo(404);
        assertThat(booking.isProblem()).isTrue();
        assertThat(booking.raw()).doesNotContain(payment.id()).doesNotContain("psp-owner");
        // "me" is the token's account, whatever its roles: an auditor uses the audit API instead.
        assertThat(http.get(
                                "/api/me/bookings/" + payment.bookingId() + "/payments",
                                TestTokens.valid(AccountId.random().value(), "ADMIN", "AUDITOR"))
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/me/bookings/" + BookingId.random() + "/payments", stranger)
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/me/payments", null).status()).isEqualTo(401);
        assertThat(http.get("/api/me/bookings/" + payment.bookingId() + "/payments", null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void auditorsSeeEveryonesPaymentsAndOthersAreRefused() {
        String first = AccountId.random().value();
        String second = AccountId.random().value();
        Payment firstPayment = new Payment(first, Money.of(1200, "EUR"));
        Payment secondPayment = new Payment(second, Money.of(3600, "EUR"));
        firstPayment.request(Instant.now()).capture(Instant.now(), "psp-first");
        secondPayment
                .request(Instant.now())
                .capture(Instant.now(), "psp-second")
                .refund(Instant.now(), "psp-second-refund", "screening cancelled");
        String auditor = TestTokens.valid(AccountId.random().value(), "AUDITOR");

        Response byCustomer =
                awaitHistory("/api/audit/payments?customerId=" + second, auditor, 2, "items/0/kind", "REFUND");
        assertThat(byCustomer.text("items/1/paymentId")).isEqualTo(secondPayment.id());
        assertThat(totals(byCustomer)).containsExactly("EUR paid 3600 refunded 3600 net 0");
        awaitHistory("/api/audit/payments?customerId=" + first, auditor, 1, "items/0/status", "CAPTURED");

        Response byBooking = http.get("/api/audit/payments?bookingId=" + firstPayment.bookingId(), auditor);
        assertThat(byBooking.status()).isEqualTo(200);
        assertThat(byBooking.body().get("items")).hasSize(1);
        assertThat(byBooking.text("items/0/customerId")).isEqualTo(first);
        assertThat(byBooking.text("items/0/pspReference")).isEqualTo("psp-first");
        Response mismatch = http.get(
                "/api/audit/payments?customerId=" + second + "&bookingId=" + firstPayment.bookingId(), auditor);
        assertThat(mismatch.status()).isEqualTo(200);
        assertThat(mismatch.body().get("items")).isEmpty();
        Response unknownBooking = http.get("/api/audit/payments?bookingId=" + BookingId.random(), auditor);
        assertThat(unknownBooking.status())
                .as("a search that finds nothing is not an error")
                .isEqualTo(200);
        assertThat(unknownBooking.body().get("items")).isEmpty();

        Response everyone = http.get("/api/audit/payments?size=100", auditor);
        assertThat(everyone.status()).isEqualTo(200);
        assertThat(paymentIds(everyone)).contains(firstPayment.id(), secondPayment.id());
        Response admin = http.get(
                "/api/audit/payments?customerId=" + first,
                TestTokens.valid(AccountId.random().value(), "ADMIN"));
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.text("items/0/paymentId")).isEqualTo(firstPayment.id());

        Response customer = http.get("/api/audit/payments?customerId=" + second, TestTokens.valid(first, "CUSTOMER"));
        assertThat(customer.status()).isEqualTo(403);
        assertThat(customer.isProblem()).isTrue();
        assertThat(customer.raw()).doesNotContain(secondPayment.id());
        assertThat(http.get("/api/audit/payments", TestTokens.valid(second, "CUSTOMER"))
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/api/audit/payments", TestTokens.valid(second, "ANALYST"))
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/api/audit/payments?size=0", TestTokens.customer()).status())
                .as("refused before its input is looked at")
                .isEqualTo(403);
        assertThat(http.get("/api/audit/payments", null).status()).isEqualTo(401);
    }

    /**
     * A processor batch folds its events in memory and writes once (PaymentHistoryBatch): a batch
     * of many payments' events, interleaved, with requests, captures, declines, refunds and events
     * delivered again, must leave exactly the entries that the same events leave folded one at a
     * time (one event per batch), also delivered again as a whole, in other batch boundaries, and
     * with every event twice in a row within one batch.
     */
    @Test
    void aBatchMixingManyPaymentsFoldsIntoWhatItsEventsFoldOneAtATimeAndAgainToTheSameEntries() {
        int payments = 15;
        List<String> oneAtATime = new ArrayList<>();
        List<String> batched = new ArrayList<>();
        List<List<DomainEventMessage<?>>> singleStreams = new ArrayList<>();
        List<List<DomainEventMessage<?>>> batchStreams = new ArrayList<>();
        for (int p = 0; p < payments; p++) {
            oneAtATime.add(PaymentId.random().value());
            batched.add(PaymentId.random().value());
            singleStreams.add(paymentStream(p, PaymentId.of(oneAtATime.get(p))));
            batchStreams.add(paymentStream(p, PaymentId.of(batched.get(p))));
        }
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < payments; p++) {
            for (int e = 0; e < singleStreams.get(p).size(); e++) {
                order.add(p);
            }
        }
        Collections.shuffle(order, new Random(20261201));
        List<DomainEventMessage<?>> single = interleaved(singleStreams, order);
        List<DomainEventMessage<?>> batch = interleaved(batchStreams, order);

        batches.deliverInBatchesOf(1, projection, single);
        List<String> expected = batches.rows("payment_history_entry", "payment_id", oneAtATime);
        assertThat(expected)
                .as("the events capture, decline and refund payments")
                .anyMatch(row -> row.contains("status=CAPTURED"))
                .anyMatch(row -> row.contains("status=DECLINED"))
                .anyMatch(row -> row.contains("kind=REFUND"))
                .anyMatch(row -> row.contains("reason=" + DECLINE_REASON + ","));

        batches.deliver(projection, batch);
        assertThat(batches.rows("payment_history_entry", "payment_id", batched))
                .as("one batch")
                .isEqualTo(expected);
        batches.deliver(projection, batch);
        assertThat(batches.rows("payment_history_entry", "payment_id", batched))
                .as("the same batch again")
                .isEqualTo(expected);
        batches.deliverInBatchesOf(4, projection, batch);
        assertThat(batches.rows("payment_history_entry", "payment_id", batched))
                .as("again, in batches of 4")
                .isEqualTo(expected);
        List<DomainEventMessage<?>> twice = new ArrayList<>();
        batch.forEach(event -> twice.addAll(List.of(event, event)));
        batches.deliver(projection, twice);
        assertThat(batches.rows("payment_history_entry", "payment_id", batched))
                .as("every event twice in one batch")
                .isEqualTo(expected);
    }

    /**
     * One payment's events, the same for any id given the same {@code p}: requested, then captured
     * (perhaps refunded in one or two parts) or declined, and some of its events delivered again
     * later (a request after the answer among them). A repeated event is the same message.
     */
    /** A provider's text, written as it came: quotes, a backslash, commas, braces, accents. */
    static final String DECLINE_REASON = "card said \"no\", \\ {try} again, ünïcode NULL";

    static List<DomainEventMessage<?>> paymentStream(int p, PaymentId id) {
        Random random = new Random(7919L * (p + 1));
        BookingId booking = BookingId.of("booking-" + p);
        AccountId customer = AccountId.of("customer-" + p % 3);
        Money amount = Money.of(1000 + 100L * random.nextInt(20), p % 4 == 0 ? "GBP" : "EUR");
        Instant start = Instant.parse("2026-12-01T10:00:00Z").plusSeconds(100L * p);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        List<Object> payloads = new ArrayList<>();
        payloads.add(
                new PaymentRequestedEvent(id, booking, ScreeningId.of("screening-" + p), customer, amount, "card"));
        if (random.nextInt(3) == 0) {
            payloads.add(new PaymentDeclinedEvent(id, booking, customer, amount, DECLINE_REASON));
        } else {
            payloads.add(new PaymentCapturedEvent(id, booking, customer, amount, "psp-" + p));
            int refunds = random.nextInt(3);
            for (int r = 0; r < refunds; r++) {
                Money part = refunds == 2 ? Money.of(amount.amountMinor() / 2, amount.currency()) : amount;
                payloads.add(new PaymentRefundedEvent(
                        id, booking, customer, part, "psp-r-" + p + "-" + r, "customer-refund"));
            }
        }
        for (Object payload : payloads) {
            events.add(new GenericDomainEventMessage<>(
                    "Payment",
                    id.value(),
                    events.size(),
                    payload,
                    MetaData.emptyInstance(),
                    "event-" + p + "-" + events.size(),
                    start.plusSeconds(events.size())));
        }
        int again = random.nextInt(3);
        for (int a = 0; a < again; a++) {
            events.add(events.get(random.nextInt(events.size())));
        }
        return events;
    }

    static List<DomainEventMessage<?>> interleaved(List<List<DomainEventMessage<?>>> streams, List<Integer> order) {
        int[] next = new int[streams.size()];
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int p : order) {
            events.add(streams.get(p).get(next[p]++));
        }
        return events;
    }

    @Test
    void foldingTheSameEventsTwiceChangesNothing() {
        String customer = AccountId.random().value();
        PaymentId paymentId = PaymentId.random();
        BookingId bookingId = BookingId.random();
        AccountId account = AccountId.of(customer);
        Money amount = Money.of(3000, "EUR");
        PaymentRequestedEvent requested =
                new PaymentRequestedEvent(paymentId, bookingId, ScreeningId.random(), account, amount, "tok_visa");
        PaymentCapturedEvent captured = new PaymentCapturedEvent(paymentId, bookingId, account, amount, "psp-1");
        PaymentRefundedEvent refunded =
                new PaymentRefundedEvent(paymentId, bookingId, account, amount, "psp-r-1", "screening cancelled");
        PaymentId declinedId = PaymentId.random();
        PaymentDeclinedEvent declined =
                new PaymentDeclinedEvent(declinedId, bookingId, account, amount, "expired_card");
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // The projection is driven directly: at-least-once delivery means any event may come again.
        Runnable foldAll = () -> transactions.executeWithoutResult(status -> {
            projection.on(requested, at);
            projection.on(captured, at.plusSeconds(1));
            projection.on(refunded, at.plusSeconds(2), "refund-event-1");
            projection.on(declined, at.plusSeconds(3));
        });
        foldAll.run();
        PaymentHistoryPage once = bookingHistory(customer, bookingId);
        foldAll.run();
        // A request delivered again after the provider answered must not set the payment back.
        transactions.executeWithoutResult(status -> projection.on(requested, at.plusSeconds(10)));
        PaymentHistoryPage twice = bookingHistory(customer, bookingId);

        assertThat(twice).isEqualTo(once);
        assertThat(twice.items())
                .extracting(PaymentHistoryEntry::kind, PaymentHistoryEntry::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PAYMENT", PaymentStatus.DECLINED),
                        org.assertj.core.groups.Tuple.tuple("REFUND", PaymentStatus.REFUNDED),
                        org.assertj.core.groups.Tuple.tuple("PAYMENT", PaymentStatus.CAPTURED));
        assertThat(twice.items().get(2).at()).isEqualTo(at.plusSeconds(1));
        assertThat(twice.totals()).containsExactly(new PaymentTotals(amount, amount, Money.of(0, "EUR")));
        assertThat(twice.page().totalElements()).isEqualTo(3);
        assertThat(queries.handle(new FindCustomerPaymentsQuery(customer, paging(0, 20))))
                .isEqualTo(twice);
        assertThat(queries.handle(new FindBookingPaymentsQuery(bookingId.value(), "someone-else", paging(0, 20)))
                        .items())
                .isEmpty();
    }

    @Test
    void aResetEmptiesTheHistory() {
        String customer = AccountId.random().value();
        new Payment(customer, Money.of(1200, "EUR")).request(Instant.now()).capture(Instant.now(), "psp-reset");
        awaitHistory("/api/me/payments", TestTokens.valid(customer, "CUSTOMER"), 1, "items/0/status", "CAPTURED");
        // Rolled back, so that the other tests sharing this database keep their history.
        transactions.executeWithoutResult(status -> {
            projection.reset();
            assertThat(entries.count()).isZero();
            status.setRollbackOnly();
        });
        assertThat(queries.handle(new FindCustomerPaymentsQuery(customer, paging(0, 20)))
                        .items())
                .hasSize(1);
    }

    @Test
    void badPagingIsAProblemNamingTheParameter() {
        String customer = TestTokens.customer();
        String auditor = TestTokens.valid(AccountId.random().value(), "AUDITOR");
        String booking = "/api/me/bookings/" + BookingId.random() + "/payments";
        for (String path : List.of("/api/me/payments", booking)) {
            assertProblem(http.get(path + "?size=0", customer), 400, "size");
            assertProblem(http.get(path + "?size=101", customer), 400, "size");
            assertProblem(http.get(path + "?page=-1", customer), 400, "page");
            assertProblem(http.get(path + "?page=first", customer), 400, "page");
            assertProblem(http.get(path + "?sort=amount", customer), 400, "sort");
        }
        assertProblem(http.get("/api/me/bookings/" + "x".repeat(65) + "/payments", customer), 400, "bookingId");
        assertProblem(http.get("/api/audit/payments?size=0", auditor), 400, "size");
        assertProblem(http.get("/api/audit/payments?page=-1", auditor), 400, "page");
        assertProblem(http.get("/api/audit/payments?sort=at,sideways", auditor), 400, "sort");
        assertProblem(http.get("/api/audit/payments?customerId=" + "c".repeat(65), auditor), 400, "customerId");
        assertProblem(http.get("/api/audit/payments?bookingId=" + "b".repeat(65), auditor), 400, "bookingId");
    }

    // ---------------------------------------------------------------- helpers

    /** One payment of a booking of its own, written to the event store as its aggregate would. */
    final class Payment {

        private final PaymentId paymentId = PaymentId.random();
        private final BookingId bookingId = BookingId.random();
        private final AccountId customer;
        private final Money amount;

        Payment(String customer, Money amount) {
            this.customer = AccountId.of(customer);
            this.amount = amount;
        }

        String id() {
            return paymentId.value();
        }

        String bookingId() {
            return bookingId.value();
        }

        Payment request(Instant at) {
            publish(
                    new PaymentRequestedEvent(paymentId, bookingId, ScreeningId.random(), customer, amount, "tok_visa"),
                    at);
            return this;
        }

        Payment capture(Instant at, String reference) {
            publish(new PaymentCapturedEvent(paymentId, bookingId, customer, amount, reference), at);
            return this;
        }

        Payment decline(Instant at, String reason) {
            publish(new PaymentDeclinedEvent(paymentId, bookingId, customer, amount, reason), at);
            return this;
        }

        Payment refundPart(Instant at, Money part, String reference) {
            publish(new PaymentRefundedEvent(paymentId, bookingId, customer, part, reference, "customer-refund"), at);
            return this;
        }

        Payment refund(Instant at, String reference, String reason) {
            publish(new PaymentRefundedEvent(paymentId, bookingId, customer, amount, reference, reason), at);
            return this;
        }

        private void publish(Object event, Instant at) {
            events.publish(paymentId.value(), event, at);
        }
    }

    static Paging paging(int page, int size) {
        return new Paging(page, size, "at", Paging.Direction.DESC);
    }

    PaymentHistoryPage bookingHistory(String customer, BookingId bookingId) {
        return queries.handle(new FindBookingPaymentsQuery(bookingId.value(), customer, paging(0, 20)));
    }

    /** Polls until the history has {@code count} entries and {@code field} reads {@code expected}. */
    Response awaitHistory(String path, String token, int count, String field, String expected) {
        Response[] last = new Response[1];
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            last[0] = http.get(path, token);
            assertThat(last[0].status()).as(last[0].raw()).isEqualTo(200);
            assertThat(last[0].body().get("items")).hasSize(count);
            assertThat(last[0].text(field)).isEqualTo(expected);
        });
        return last[0];
    }

    static List<String> totals(Response response) {
        List<String> totals = new ArrayList<>();
        for (JsonNode total : response.body().get("totals")) {
            totals.add(total.at("/paid/currency").asText() + " paid "
                    + total.at("/paid/amountMinor").asText()
                    + " refunded " + total.at("/refunded/amountMinor").asText()
                    + " net " + total.at("/net/amountMinor").asText());
        }
        return totals;
    }

    static List<String> paymentIds(Response response) {
        return StreamSupport.stream(response.body().get("items").spliterator(), false)
                .map(item -> item.get("paymentId").asText())
                .toList();
    }

    static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.raw()).isTrue();
        assertThat(response.errorFields()).as(response.raw()).contains(field);
    }
}
