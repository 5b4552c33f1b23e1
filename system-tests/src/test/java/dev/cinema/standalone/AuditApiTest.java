package dev.cinema.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cinema.platform.audit.AuditChainKey;
import dev.cinema.platform.audit.AuditChainProperties;
import dev.cinema.platform.audit.ChainedEvent;
import dev.cinema.platform.audit.EventChain;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.JsonHttp.Response;
import dev.cinema.platform.testsupport.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The auditors' API over the whole system, on H2 and PostgreSQL: a customer books, pays, gives
 * back one seat and then the rest, another pays after a decline; then auditors read the events as
 * stored, fold states as of instants across the refund, export the period, sign checkpoints, check
 * the hash chain and reconcile the read models. The store is then changed behind the system's back
 * (an amount edited, an event deleted, a chain recomputed without the key, the newest events of a
 * stream dropped after a checkpoint; a read model edited), each change is reported where it was
 * made, and each is undone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditApiTest {

    static final String EUR = "EUR";

    StandaloneApplication.Running system;
    JsonHttp commands;
    JsonHttp queries;
    JdbcTemplate jdbc;
    final HttpClient http = HttpClient.newHttpClient();

    final String admin = TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER", "ADMIN");
    final String auditor = TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER", "AUDITOR");
    final String customerId = UUID.randomUUID().toString();
    final String customer = TestTokens.valid(customerId, "CUSTOMER");

    Instant started;
    String screening;
    /** Three seats paid, one given back, then the other two. */
    String booking;

    String payment;
    String partialRefund;
    String fullRefund;
    /** Paid after a decline: two payments. */
    String secondBooking;

    String declinedPayment;
    String secondPayment;
    /** Left awaiting payment. */
    String heldBooking;

    abstract Map<String, Object> database();

    @BeforeAll
    void bookPayAndRefund() {
        started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> properties = new HashMap<>(database());
        properties.putAll(TestTokens.keyProperties());
        properties.put("server.port", "0");
        properties.put("cinema.payments.simulated.latency", "PT0S");
        properties.put("cinema.payments.simulated.decline-rate", "0");
        system = StandaloneApplication.start(properties, false);
        commands = JsonHttp.localhost(system.commandPort());
        queries = JsonHttp.localhost(system.queryPort());
        jdbc = system.command().getBean(JdbcTemplate.class);
        screening = screening();

        booking = hold("A1", "A2", "B1");
        Response paid = pay(booking, "tok_success");
        assertThat(paid.status()).as(paid.raw()).isEqualTo(201);
        payment = paid.text("paymentId");
        nextMillisecond();
        Response partial = refund(booking, Map.of("seats", List.of("B1")));
        assertThat(partial.status()).as(partial.raw()).isEqualTo(201);
        partialRefund = partial.text("refundId");
        nextMillisecond();
        Response full = refund(booking, null);
        assertThat(full.status()).as(full.raw()).isEqualTo(201);
        fullRefund = full.text("refundId");

        secondBooking = hold("A5");
        Response declined = pay(secondBooking, "tok_decline");
        assertThat(declined.status()).as(declined.raw()).isEqualTo(402);
        declinedPayment = declined.text("/payment/paymentId");
        Response second = pay(secondBooking, "tok_success");
        assertThat(second.status()).as(second.raw()).isEqualTo(201);
        secondPayment = second.text("paymentId");

        heldBooking = hold("A7");
        awaitQueriesCaughtUp();
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.stop();
        }
    }

    // ---------------------------------------------------------------- history

    @Test
    void aPaymentsHistoryIsItsEventsAsStoredInOrderWithWhoSentThem() {
        Response history = queries.get("/api/audit/events/" + payment, auditor);
        assertThat(history.status()).as(history.raw()).isEqualTo(200);
        JsonNode items = history.body().get("items");
        assertThat(types(items))
                .containsExactly(
                        "PaymentRequestedEvent",
                        "PaymentCapturedEvent",
                        "PaymentRefundedEvent",
                        "PaymentRefundedEvent");
        long previous = -1;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            assertThat(item.get("sequence").asLong()).isEqualTo(i);
            assertThat(item.get("globalIndex").asLong()).isGreaterThan(previous);
            previous = item.get("globalIndex").asLong();
            assertThat(item.get("aggregateType").asText()).isEqualTo("Payment");
            assertThat(item.get("payloadType").asText()).startsWith("dev.cinema.contracts.payment.");
            assertThat(item.hasNonNull("revision")).as("no revision").isFalse();
            assertThat(Instant.parse(item.get("at").asText())).isAfterOrEqualTo(started);
            assertThat(item.get("sentBy").asText())
                    .as("the customer's commands")
                    .isEqualTo(customerId);
            assertThat(item.get("correlationId").asText()).isNotBlank();
            assertThat(item.get("traceId").asText()).isNotBlank();
            assertThat(item.at("/metadata/sentBy").asText()).isEqualTo(customerId);
            assertThat(item.at("/metadata/" + EventChain.LINK).asText()).matches("[0-9a-f]{64}");
        }
        assertThat(items.get(1).at("/payload/amount/amountMinor").asLong()).isEqualTo(1100 + 1100 + 1500);
        assertThat(items.get(1).at("/payload/paymentId/value").asText()).isEqualTo(payment);
        assertThat(items.get(2).at("/payload/amount/amountMinor").asLong()).isEqualTo(1500);
        assertThat(history.text("page/totalElements")).isEqualTo("4");

        Response secondPage = queries.get("/api/audit/events/" + payment + "?size=3&page=1", auditor);
        assertThat(secondPage.body().get("items")).hasSize(1);
        assertThat(secondPage.text("items/0/sequence")).isEqualTo("3");
        assertThat(secondPage.text("page/totalPages")).isEqualTo("2");

        Response bookingHistory = queries.get("/api/audit/events/" + booking, auditor);
        assertThat(types(bookingHistory.body().get("items")))
                .containsExactly(
                        "BookingPlacedEvent",
                        "BookingConfirmedEvent",
                        "BookingSeatsReturnedEvent",
                        "BookingSeatsReturnedEvent",
                        "BookingRefundedEvent");
        Response screeningHistory = queries.get("/api/audit/events/" + screening, auditor);
        assertThat(screeningHistory.status()).as("any aggregate").isEqualTo(200);
        assertThat(screeningHistory.text("items/0/sentBy"))
                .as("the admin scheduled it")
                .isNotBlank();
        assertThat(screeningHistory.text("items/0/metadata/" + EventChain.LINK))
                .as("screenings are not chained")
                .isNull();

        assertThat(queries.get("/api/audit/events/no-such-stream", auditor).status())
                .isEqualTo(404);
        assertThat(queries.get("/api/audit/events/" + payment + "?size=0", auditor)
                        .status())
                .isEqualTo(400);
        assertThat(queries.get("/api/audit/events/" + payment, customer).status())
                .isEqualTo(403);
        assertThat(queries.get("/api/audit/events/" + payment, TestTokens.valid(customerId, "ANALYST"))
                        .status())
                .isEqualTo(403);
        assertThat(queries.get("/api/audit/events/" + payment, admin).status()).isEqualTo(200);
        assertThat(queries.get("/api/audit/events/" + payment, null).status()).isEqualTo(401);
    }

    // ---------------------------------------------------------------- state as of an instant

    @Test
    void aBookingAndItsPaymentAsOfInstantsAcrossARefund() {
        List<Instant> bookingEvents = instants(booking);
        List<Instant> paymentEvents = instants(payment);

        Response paid = queries.get(state("bookings", booking, bookingEvents.get(1)), auditor);
        assertThat(paid.status()).as(paid.raw()).isEqualTo(200);
        assertThat(paid.text("eventsApplied")).isEqualTo("2");
        assertThat(paid.text("lastEvent/type")).isEqualTo("BookingConfirmedEvent");
        assertThat(paid.text("state/status")).isEqualTo("CONFIRMED");
        assertThat(seats(paid.body().at("/state/seats"))).containsExactly("A1", "A2", "B1");
        assertThat(paid.body().at("/state/returnedSeats")).isEmpty();

        Response afterOneSeat = queries.get(state("bookings", booking, bookingEvents.get(2)), auditor);
        assertThat(afterOneSeat.text("state/status")).isEqualTo("CONFIRMED");
        assertThat(seats(afterOneSeat.body().at("/state/seats"))).containsExactly("A1", "A2");
        assertThat(seats(afterOneSeat.body().at("/state/returnedSeats"))).containsExactly("B1");

        Response now = queries.get("/api/audit/bookings/" + booking + "/state", auditor);
        assertThat(now.text("state/status")).isEqualTo("REFUNDED");
        assertThat(now.text("eventsApplied")).isEqualTo("5");
        assertThat(now.body().at("/state/seats")).isEmpty();

        Response captured = queries.get(state("payments", payment, paymentEvents.get(1)), auditor);
        assertThat(captured.text("state/status")).isEqualTo("CAPTURED");
        assertThat(captured.body().at("/state/refunds")).isEmpty();
        Response partlyRefunded = queries.get(state("payments", payment, paymentEvents.get(2)), auditor);
        assertThat(partlyRefunded.text("state/status")).isEqualTo("CAPTURED");
        assertThat(partlyRefunded.text("state/refunds/0/amount/amountMinor")).isEqualTo("1500");
        Response refunded = queries.get("/api/audit/payments/" + payment + "/state", auditor);
        assertThat(refunded.text("state/status")).isEqualTo("REFUNDED");
        assertThat(refunded.body().at("/state/refunds")).hasSize(2);
        Response declined = queries.get("/api/audit/payments/" + declinedPayment + "/state", auditor);
        assertThat(declined.text("state/status")).isEqualTo("DECLINED");

        Response refund = queries.get("/api/audit/refunds/" + partialRefund + "/state", auditor);
        assertThat(refund.status()).as(refund.raw()).isEqualTo(200);
        assertThat(refund.text("state/status")).isEqualTo("COMPLETED");
        assertThat(refund.text("state/percent")).isEqualTo("100");
        assertThat(refund.text("state/seats/0")).isEqualTo("B1");

        Instant beforeItAll = bookingEvents.get(0).minusMillis(1);
        Response before = queries.get(state("bookings", booking, beforeItAll), auditor);
        assertThat(before.status()).as("before its first event").isEqualTo(404);
        assertThat(before.text("code")).isEqualTo("booking-not-found");
        assertThat(queries.get(state("payments", booking, Instant.now()), auditor)
                        .status())
                .as("a booking is no payment")
                .isEqualTo(404);
        assertThat(queries.get("/api/audit/refunds/no-such-refund/state", auditor)
                        .text("code"))
                .isEqualTo("refund-not-found");
        Response malformed = queries.get("/api/audit/bookings/" + booking + "/state?asOf=yesterday", auditor);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorFields()).contains("asOf");
        assertThat(queries.get("/api/audit/bookings/" + booking + "/state", customer)
                        .status())
                .isEqualTo(403);
    }

    // ---------------------------------------------------------------- export

    @Test
    void anExportStreamsEveryPaymentAndRefundEventOfThePeriodWithItsTotals() {
        Instant from = started.minus(1, ChronoUnit.MINUTES);
        Instant to = Instant.now().plus(1, ChronoUnit.MINUTES);
        List<Map<String, Object>> stored =
                jdbc.queryForList("select global_index, type, payload_type from domain_event_entry"
                        + " where type in ('Payment', 'Refund') order by global_index");

        Raw ndjson = export(from, to, "ndjson", auditor);
        assertThat(ndjson.status()).as(ndjson.body()).isEqualTo(200);
        assertThat(ndjson.contentType()).startsWith("application/x-ndjson");
        String[] lines = ndjson.body().split("\n");
        assertThat(lines).hasSize(stored.size() + 1);
        for (int i = 0; i < stored.size(); i++) {
            JsonNode line = json(lines[i]);
            assertThat(line.get("globalIndex").asLong())
                    .as("in global order")
                    .isEqualTo(((Number) stored.get(i).get("global_index")).longValue());
            assertThat(line.get("aggregateType").asText())
                    .isEqualTo(stored.get(i).get("type"));
        }
        JsonNode capture = lines(lines, "PaymentCapturedEvent").get(0);
        assertThat(capture.get("paymentId").asText()).as("ids flattened").isEqualTo(payment);
        assertThat(capture.get("amountMinor").asLong()).as("money flattened").isEqualTo(3700);
        assertThat(capture.get("amountCurrency").asText()).isEqualTo(EUR);
        assertThat(capture.get("sentBy").asText()).isEqualTo(customerId);
        JsonNode request = lines(lines, "RefundRequestedEvent").get(0);
        assertThat(request.get("shareMinor").asLong()).isEqualTo(1500);
        assertThat(request.get("seats").get(0).asText()).isEqualTo("B1");

        JsonNode summary = json(lines[lines.length - 1]).get("summary");
        assertThat(summary.get("events").asLong()).isEqualTo(stored.size());
        assertThat(summary.at("/totals/0/currency").asText()).isEqualTo(EUR);
        assertThat(summary.at("/totals/0/capturedMinor").asLong()).isEqualTo(3700 + 1100);
        assertThat(summary.at("/totals/0/refundedMinor").asLong()).isEqualTo(3700);
        assertThat(summary.at("/totals/0/netMinor").asLong()).isEqualTo(1100);
        Response totals = queries.get("/api/audit/totals?from=" + from + "&to=" + to, auditor);
        assertThat(totals.status()).as(totals.raw()).isEqualTo(200);
        JsonNode answered = ((ObjectNode) totals.body().deepCopy()).without("checkpoint");
        JsonNode summed = ((ObjectNode) summary.deepCopy()).without("checkpoint");
        assertThat(answered).as("the totals are the export's summary").isEqualTo(summed);

        Raw csv = export(from, to, "csv", auditor);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] rows = csv.body().split("\r\n");
        assertThat(rows).hasSize(stored.size() + 1);
        List<String> header = List.of(rows[0].split(","));
        assertThat(header).startsWith("globalIndex", "at", "aggregateType", "aggregateId", "sequence", "eventType");
        assertThat(header).contains("amountMinor", "amountCurrency", "shareMinor", "pspReference", "seats");
        String capturedRow = List.of(rows).stream()
                .filter(row -> row.contains(",PaymentCapturedEvent,"))
                .findFirst()
                .orElseThrow();
        assertThat(capturedRow.split(",", -1)[header.indexOf("amountMinor")]).isEqualTo("3700");

        Raw later = export(to, to.plus(1, ChronoUnit.DAYS), "ndjson", auditor);
        assertThat(later.body().split("\n"))
                .as("only the summary of an empty period")
                .hasSize(1);

        assertThat(export(from, from.plus(367, ChronoUnit.DAYS), "ndjson", auditor))
                .satisfies(answer -> {
                    assertThat(answer.status()).isEqualTo(400);
                    assertThat(answer.body()).contains("period-too-long");
                });
        assertThat(export(to, from, "ndjson", auditor).body()).contains("invalid-period");
        assertThat(export(from, to, "xml", auditor).status()).isEqualTo(400);
        assertThat(export(from, to, "csv", customer).status()).isEqualTo(403);
        assertThat(queries.get("/api/audit/totals?from=" + from, auditor).status())
                .as("to is required")
                .isEqualTo(400);
        assertThat(queries.get("/api/audit/totals?from=" + from + "&to=" + from.plus(400, ChronoUnit.DAYS), auditor)
                        .text("code"))
                .isEqualTo("period-too-long");
    }

    // ---------------------------------------------------------------- integrity and checkpoints

    @Test
    void theChainOfAnUntouchedStoreHoldsAndCheckpointsAreSignedListedAndCarriedByTheExport() {
        Response made = queries.post("/api/audit/checkpoints", null, auditor);
        assertThat(made.status()).as(made.raw()).isEqualTo(201);
        String number = made.text("number");
        assertThat(made.text("createdBy")).isEqualTo(userOf(auditor));
        assertThat(made.text("signature")).matches("[0-9a-f]{64}");
        assertThat(Long.parseLong(made.text("streams")))
                .as("payments, refunds and bookings")
                .isGreaterThanOrEqualTo(8);
        Response again = queries.post("/api/audit/checkpoints", null, auditor);
        assertThat(again.text("previousSignature")).isEqualTo(made.text("signature"));
        assertThat(again.text("changedStreams")).as("nothing moved since").isEqualTo("0");

        Response one = queries.get("/api/audit/checkpoints/" + number, auditor);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.text("signature")).isEqualTo(made.text("signature"));
        Response list = queries.get("/api/audit/checkpoints?size=1", auditor);
        assertThat(list.text("items/0/number")).as("newest first").isEqualTo(again.text("number"));
        assertThat(Long.parseLong(list.text("page/totalElements"))).isGreaterThanOrEqualTo(2);
        assertThat(queries.get("/api/audit/checkpoints/999999", auditor).status())
                .isEqualTo(404);
        assertThat(queries.post("/api/audit/checkpoints", null, customer).status())
                .isEqualTo(403);

        Raw export = export(started, Instant.now().plusSeconds(60), "ndjson", auditor);
        String[] lines = export.body().split("\n");
        JsonNode checkpoint = json(lines[lines.length - 1]).at("/summary/checkpoint");
        assertThat(Long.parseLong(checkpoint.get("number").asText()))
                .isGreaterThanOrEqualTo(Long.parseLong(again.text("number")));
        assertThat(export.header("Audit-Checkpoint"))
                .isEqualTo(checkpoint.get("number").asText() + ";"
                        + checkpoint.get("signature").asText());

        Response whole = queries.get("/api/audit/integrity", auditor);
        assertThat(whole.status()).as(whole.raw()).isEqualTo(200);
        assertThat(whole.body().get("firstBroken").isNull()).as(whole.raw()).isTrue();
        assertThat(whole.text("brokenStreams")).isEqualTo("0");
        assertThat(whole.text("unchainedEvents")).isEqualTo("0");
        assertThat(Long.parseLong(whole.text("eventsChecked"))).isEqualTo(chainedEvents());
        assertThat(Long.parseLong(whole.text("checkpoints/checked"))).isGreaterThanOrEqualTo(2);
        assertThat(whole.body().at("/checkpoints/firstBroken").isNull()).isTrue();
        Response period = queries.get(
                "/api/audit/integrity?from=" + started + "&to=" + Instant.now().plusSeconds(60), auditor);
        assertThat(period.body().get("firstBroken").isNull()).as(period.raw()).isTrue();
        Response stream = queries.get("/api/audit/events/" + payment + "/integrity", auditor);
        assertThat(stream.status()).as(stream.raw()).isEqualTo(200);
        assertThat(stream.text("eventsChecked")).isEqualTo("4");
        assertThat(stream.text("streamsChecked")).isEqualTo("1");
        assertThat(stream.body().get("firstBroken").isNull()).isTrue();

        Response screeningChain = queries.get("/api/audit/events/" + screening + "/integrity", auditor);
        assertThat(screeningChain.status()).isEqualTo(409);
        assertThat(screeningChain.text("code")).isEqualTo("stream-not-chained");
        assertThat(queries.get("/api/audit/events/nothing-here/integrity", auditor)
                        .status())
                .isEqualTo(404);
        assertThat(queries.get("/api/audit/integrity?from=" + Instant.now() + "&to=" + started, auditor)
                        .text("code"))
                .isEqualTo("invalid-period");
    }

    @Test
    void anAmountEditedInTheEventTableIsReportedAtItsLink() {
        Map<String, Object> capture = row(payment, 1);
        String original = new String((byte[]) capture.get("payload"), StandardCharsets.UTF_8);
        String edited = original.replace("\"amountMinor\":3700", "\"amountMinor\":370");
        assertThat(edited).isNotEqualTo(original);
        try {
            jdbc.update(
                    "update domain_event_entry set payload = ? where global_index = ?",
                    edited.getBytes(StandardCharsets.UTF_8),
                    capture.get("global_index"));

            JsonNode broken = brokenLink("/api/audit/events/" + payment + "/integrity");
            assertThat(broken.get("aggregateId").asText()).isEqualTo(payment);
            assertThat(broken.get("sequence").asLong()).isEqualTo(1);
            assertThat(broken.get("kind").asText()).isEqualTo("ALTERED");
            assertThat(broken.get("globalIndex").asLong())
                    .isEqualTo(((Number) capture.get("global_index")).longValue());
            assertThat(brokenLink("/api/audit/integrity")).isEqualTo(broken);

            Response reconciliation = queries.get("/api/audit/reconciliation", auditor);
            assertThat(differences(reconciliation))
                    .as("the payment history and the booking's money disagree with the edited event")
                    .contains("PAYMENT_HISTORY " + payment, "BOOKING_MONEY " + booking);
        } finally {
            jdbc.update(
                    "update domain_event_entry set payload = ? where global_index = ?",
                    original.getBytes(StandardCharsets.UTF_8),
                    capture.get("global_index"));
        }
        assertThat(queries.get("/api/audit/events/" + payment + "/integrity", auditor)
                        .body()
                        .get("firstBroken")
                        .isNull())
                .as("undone")
                .isTrue();
    }

    @Test
    void aDeletedEventIsReportedMissingAtItsSequence() {
        Map<String, Object> returned = row(booking, 2);
        try {
            jdbc.update("delete from domain_event_entry where global_index = ?", returned.get("global_index"));

            JsonNode broken = brokenLink("/api/audit/events/" + booking + "/integrity");
            assertThat(broken.get("sequence").asLong()).isEqualTo(2);
            assertThat(broken.get("kind").asText()).isEqualTo("MISSING");
            assertThat(broken.get("globalIndex").isNull()).isTrue();
            assertThat(brokenLink("/api/audit/integrity")).isEqualTo(broken);
        } finally {
            insert(returned);
        }
        assertThat(brokenLinkOrNull("/api/audit/events/" + booking + "/integrity"))
                .as("undone")
                .isNull();
    }

    @Test
    void aWholeChainRecomputedWithoutTheKeyIsReportedAtItsFirstLink() {
        List<Map<String, Object>> stream = rows(secondPayment);
        // The attacker knows the algorithm, not the key: they raise the amount and link every event again.
        EventChain forged = new EventChain(
                AuditChainKey.from(new AuditChainProperties(AuditChainKey.generateBase64(), false, List.of())),
                List.of("Payment"));
        try {
            String previous = null;
            for (Map<String, Object> event : stream) {
                byte[] payload = new String((byte[]) event.get("payload"), StandardCharsets.UTF_8)
                        .replace("\"amountMinor\":1100", "\"amountMinor\":11000")
                        .getBytes(StandardCharsets.UTF_8);
                byte[] metadata = (byte[]) event.get("meta_data");
                String link = forged.link(
                        previous,
                        new ChainedEvent(
                                (String) event.get("event_identifier"),
                                (String) event.get("type"),
                                (String) event.get("aggregate_identifier"),
                                ((Number) event.get("sequence_number")).longValue(),
                                (String) event.get("payload_type"),
                                (String) event.get("payload_revision"),
                                DateTimeUtils.parseInstant((String) event.get("time_stamp"))
                                        .toEpochMilli(),
                                payload,
                                EventChain.canonicalMetadata(metadata)));
                ObjectNode relinked = (ObjectNode) JsonHttp.MAPPER.readTree(metadata);
                relinked.put(EventChain.LINK, link);
                jdbc.update(
                        "update domain_event_entry set payload = ?, meta_data = ? where global_index = ?",
                        payload,
                        JsonHttp.MAPPER.writeValueAsBytes(relinked),
                        event.get("global_index"));
                previous = link;
            }

            JsonNode broken = brokenLink("/api/audit/events/" + secondPayment + "/integrity");
            assertThat(broken.get("sequence").asLong()).isZero();
            assertThat(broken.get("kind").asText()).isEqualTo("ALTERED");
            assertThat(brokenLink("/api/audit/integrity")).isEqualTo(broken);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            stream.forEach(event -> jdbc.update(
                    "update domain_event_entry set payload = ?, meta_data = ? where global_index = ?",
                    event.get("payload"),
                    event.get("meta_data"),
                    event.get("global_index")));
        }
        assertThat(brokenLinkOrNull("/api/audit/events/" + secondPayment + "/integrity"))
                .as("undone")
                .isNull();
    }

    @Test
    void theNewestEventsOfAStreamDroppedAfterACheckpointAreReportedCutOff() {
        assertThat(queries.post("/api/audit/checkpoints", null, auditor).status())
                .isEqualTo(201);
        List<Map<String, Object>> newest = rows(booking).subList(3, 5);
        try {
            newest.forEach(event ->
                    jdbc.update("delete from domain_event_entry where global_index = ?", event.get("global_index")));
            assertThat(rows(booking))
                    .as("a stream that looks whole up to its new end")
                    .hasSize(3);

            JsonNode broken = brokenLink("/api/audit/events/" + booking + "/integrity");
            assertThat(broken.get("sequence").asLong())
                    .as("the first event cut off")
                    .isEqualTo(3);
            assertThat(broken.get("kind").asText()).isEqualTo("TRUNCATED");
            assertThat(broken.get("detail").asText()).contains("up to sequence 4");
            assertThat(brokenLink("/api/audit/integrity")).isEqualTo(broken);
        } finally {
            newest.forEach(this::insert);
        }
        assertThat(brokenLinkOrNull("/api/audit/integrity")).as("undone").isNull();
    }

    // ---------------------------------------------------------------- reconciliation

    @Test
    void reconciliationFindsNothingInAHealthySystemAndFindsAnEditedReadModel() {
        Response healthy = queries.get("/api/audit/reconciliation", auditor);
        assertThat(healthy.status()).as(healthy.raw()).isEqualTo(200);
        assertThat(healthy.body().get("differences")).as(healthy.raw()).isEmpty();
        assertThat(healthy.text("readModelsCaughtUp")).isEqualTo("true");
        assertThat(healthy.text("paymentsChecked")).isEqualTo("3");
        assertThat(healthy.text("refundsChecked")).isEqualTo("2");
        assertThat(healthy.text("bookingsChecked")).isEqualTo("3");

        try {
            jdbc.update(
                    "update read_model.payment_history_entry set amount_minor = amount_minor + 1"
                            + " where payment_id = ? and kind = 'PAYMENT'",
                    secondPayment);
            jdbc.update("update read_model.customer_booking set status = 'CONFIRMED' where booking_id = ?", booking);
            Response tampered = queries.get("/api/audit/reconciliation", auditor);
            assertThat(differences(tampered))
                    .containsExactlyInAnyOrder("PAYMENT_HISTORY " + secondPayment, "CUSTOMER_BOOKING " + booking);
            assertThat(tampered.raw()).contains("shown CONFIRMED, the events say REFUNDED");
        } finally {
            jdbc.update(
                    "update read_model.payment_history_entry set amount_minor = amount_minor - 1"
                            + " where payment_id = ? and kind = 'PAYMENT'",
                    secondPayment);
            jdbc.update("update read_model.customer_booking set status = 'REFUNDED' where booking_id = ?", booking);
        }
        assertThat(queries.get("/api/audit/reconciliation", auditor).body().get("differences"))
                .isEmpty();
        assertThat(queries.get("/api/audit/reconciliation", customer).status()).isEqualTo(403);
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode brokenLink(String path) {
        JsonNode broken = brokenLinkOrNull(path);
        assertThat(broken).as(path + " finds a broken link").isNotNull();
        return broken;
    }

    private JsonNode brokenLinkOrNull(String path) {
        Response report = queries.get(path, auditor);
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        JsonNode broken = report.body().get("firstBroken");
        return broken == null || broken.isNull() ? null : broken;
    }

    private static List<String> differences(Response reconciliation) {
        assertThat(reconciliation.status()).as(reconciliation.raw()).isEqualTo(200);
        List<String> found = new ArrayList<>();
        reconciliation
                .body()
                .get("differences")
                .forEach(difference -> found.add(difference.get("kind").asText() + " "
                        + difference.get("aggregateId").asText()));
        return found;
    }

    private Map<String, Object> row(String aggregateId, long sequence) {
        return jdbc.queryForMap(
                "select * from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                aggregateId,
                sequence);
    }

    private List<Map<String, Object>> rows(String aggregateId) {
        return jdbc.queryForList(
                "select * from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                aggregateId);
    }

    /** Puts a deleted event back exactly as it was. */
    private void insert(Map<String, Object> row) {
        Map<String, Object> columns = new java.util.LinkedHashMap<>();
        row.forEach((column, value) -> columns.put(column.toLowerCase(java.util.Locale.ROOT), value));
        jdbc.update(
                "insert into domain_event_entry (" + String.join(", ", columns.keySet()) + ") values ("
                        + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")",
                columns.values().toArray());
    }

    private long chainedEvents() {
        Long count = jdbc.queryForObject(
                "select count(*) from domain_event_entry where type in ('Booking', 'Payment', 'Refund')", Long.class);
        return count == null ? 0 : count;
    }

    /** The instants of a stream's events, as the audit history shows them. */
    private List<Instant> instants(String aggregateId) {
        List<Instant> instants = new ArrayList<>();
        queries.get("/api/audit/events/" + aggregateId, auditor)
                .body()
                .get("items")
                .forEach(item -> instants.add(Instant.parse(item.get("at").asText())));
        return instants;
    }

    private static String state(String kind, String id, Instant asOf) {
        return "/api/audit/" + kind + "/" + id + "/state?asOf="
                + URLEncoder.encode(asOf.toString(), StandardCharsets.UTF_8);
    }

    private static List<String> types(JsonNode items) {
        List<String> types = new ArrayList<>();
        items.forEach(item -> types.add(item.get("eventType").asText()));
        return types;
    }

    private static List<String> seats(JsonNode seats) {
        List<String> labels = new ArrayList<>();
        seats.forEach(seat -> labels.add(seat.get("seat").asText()));
        return labels;
    }

    private static List<JsonNode> lines(String[] lines, String eventType) {
        List<JsonNode> found = new ArrayList<>();
        for (String line : lines) {
            JsonNode node = json(line);
            if (eventType.equals(node.path("eventType").asText())) {
                found.add(node);
            }
        }
        return found;
    }

    private static JsonNode json(String text) {
        try {
            return JsonHttp.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(text, e);
        }
    }

    private static String userOf(String token) {
        String payload =
                new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return json(payload).get("sub").asText();
    }

    /** An answer of the export, read whole: status, content type, headers and body. */
    record Raw(int status, String contentType, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(header -> header.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private Raw export(Instant from, Instant to, String format, String token) {
        String accept = "csv".equals(format) ? "text/csv" : "application/x-ndjson";
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + system.queryPort()
                                    + "/api/audit/export?from=" + from + "&to=" + to + "&format=" + format))
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", accept + ", application/problem+json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Raw(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().map(),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- the shop

    /** So that the next event's instant, kept to the millisecond, is after everything before it. */
    private static void nextMillisecond() {
        long now = System.currentTimeMillis();
        await().atMost(Duration.ofSeconds(1)).until(() -> System.currentTimeMillis() > now + 1);
    }

    private String hold(String... seats) {
        Response held =
                commands.post("/api/bookings", Map.of("screeningId", screening, "seats", List.of(seats)), customer);
        assertThat(held.status()).as(held.raw()).isEqualTo(201);
        return held.text("bookingId");
    }

    private Response pay(String bookingId, String method) {
        return commands.postWithHeaders(
                "/api/bookings/" + bookingId + "/payments",
                Map.of("paymentMethod", method),
                customer,
                Map.of("Idempotency-Key", "pay-" + UUID.randomUUID()));
    }

    private Response refund(String bookingId, Object body) {
        return commands.post("/api/bookings/" + bookingId + "/refunds", body, customer);
    }

    /** Until every projection has read every event stored. */
    private void awaitQueriesCaughtUp() {
        String analyst = TestTokens.valid(UUID.randomUUID().toString(), "ANALYST");
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    Long last = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
                    Response status = queries.get("/api/ops/processors", analyst);
                    assertThat(status.status()).isEqualTo(200);
                    for (JsonNode processor : status.body()) {
                        for (JsonNode segment : processor.get("segments")) {
                            assertThat(segment.get("caughtUp").asBoolean())
                                    .as(status.raw())
                                    .isTrue();
                            assertThat(segment.get("position").asLong())
                                    .as(status.raw())
                                    .isGreaterThanOrEqualTo(last);
                        }
                    }
                });
    }

    /** An 8 + 8 seat screen (A standard, B premium), a screening three days ahead, on sale. */
    private String screening() {
        String location = created(commands.post("/api/admin/locations", Map.of("name", "Audit Town"), admin));
        String cinema = created(commands.post(
                "/api/admin/cinemas",
                Map.of(
                        "locationId",
                        location,
                        "name",
                        "Ledger Lane Cinema",
                        "timeZone",
                        "Europe/Paris",
                        "address",
                        Map.of("street", "1 Rue du Registre", "city", "Paris", "postalCode", "75001", "country", "FR")),
                admin));
        assertThat(commands.put(
                                "/api/admin/cinemas/" + cinema + "/seating-policy",
                                Map.of("preventStrandedSeats", false),
                                admin)
                        .status())
                .isEqualTo(204);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String row : List.of("A", "B")) {
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int seat = 1; seat <= 8; seat++) {
                cells.add(Map.of(
                        "kind",
                        "SEAT",
                        "number",
                        String.valueOf(seat),
                        "type",
                        row.equals("A") ? "STANDARD" : "PREMIUM"));
            }
            rows.add(Map.of("label", row, "cells", cells));
        }
        String screen = created(commands.post(
                "/api/admin/screens",
                Map.of("cinemaId", cinema, "name", "Salle 1", "format", "TWO_D", "layout", Map.of("rows", rows)),
                admin));
        String film = created(commands.post(
                "/api/admin/films",
                Map.of(
                        "title",
                        "The Ledger",
                        "runtimeMinutes",
                        100,
                        "ageRating",
                        "PG",
                        "genres",
                        List.of("DRAMA"),
                        "releaseDate",
                        "2026-01-09"),
                admin));
        return created(commands.post(
                "/api/admin/screenings",
                Map.of(
                        "filmId",
                        film,
                        "screenId",
                        screen,
                        "startsAt",
                        Instant.now()
                                .plus(3, ChronoUnit.DAYS)
                                .truncatedTo(ChronoUnit.HOURS)
                                .toString(),
                        "prices",
                        Map.of(
                                "STANDARD", Map.of("amountMinor", 1100, "currency", EUR),
                                "PREMIUM", Map.of("amountMinor", 1500, "currency", EUR))),
                admin));
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.text("id");
    }
}
