package dev.cinema.command.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cinema.command.CommandSideApplication;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.JsonHttp.Response;
import dev.cinema.platform.testsupport.TestKeys;
import dev.cinema.platform.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * Seat holds through the command API: all or nothing, taken seats named, the stranded-seat rule,
 * changes, release, and expiry by a persistent deadline. Runs on H2 and PostgreSQL. Holds last
 * {@value #HOLD_SECONDS} seconds here so that expiry can be watched.
 */
@SpringBootTest(
        classes = CommandSideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            CommandSideApplication.CONFIG_NAME,
            "cinema.booking.hold-duration=PT" + BookingApiIntegrationTest.HOLD_SECONDS + "S",
            "cinema.refunds.first-retry=PT1S"
        })
@ContextConfiguration(initializers = TestKeys.class)
abstract class BookingApiIntegrationTest {

    static final int HOLD_SECONDS = 4;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.context.ApplicationContext context;

    JsonHttp http;
    final String admin = TestTokens.valid(UUID.randomUUID().toString(), "ADMIN");
    final String alice = TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER");
    final String bob = TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER");

    @BeforeEach
    void connect() {
        http = JsonHttp.localhost(port);
    }

    @Test
    void aCustomerHoldsSeatsAndIsToldThePricesAndTheExpiry() {
        String screening = screening(true);
        Instant before = Instant.now();
        Response held = hold(alice, screening, "a1", "B2");
        assertThat(held.status()).as(held.raw()).isEqualTo(201);
        assertThat(held.text("bookingId")).isNotBlank();
        assertThat(held.raw()).contains("\"seat\":\"A1\"", "\"seat\":\"B2\"", "PREMIUM");
        assertThat(held.text("total/amountMinor")).isEqualTo(String.valueOf(900 + 1400));
        Instant expiresAt = Instant.parse(held.text("expiresAt"));
        assertThat(expiresAt)
                .isBetween(before.plusSeconds(HOLD_SECONDS - 1), Instant.now().plusSeconds(HOLD_SECONDS));
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks", Long.class))
                .as("a persistent deadline is pending")
                .isPositive();
    }

    @Test
    void takenSeatsAreRefusedAndNamedAndNothingOfTheRequestIsHeld() {
        String screening = screening(true);
        assertThat(hold(alice, screening, "A1", "A2").status()).isEqualTo(201);
        long events = eventCount();

        Response refused = hold(bob, screening, "A2", "A3", "A1", "A4");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.text("code")).isEqualTo("seats-unavailable");
        assertThat(refused.body().get("unavailableSeats").toString()).isEqualTo("[\"A1\",\"A2\"]");
        assertThat(eventCount()).isEqualTo(events);
        // A3 and A4 were not held by the refused request: someone else can take them.
        assertThat(hold(bob, screening, "A3", "A4").status()).isEqualTo(201);
    }

    /**
     * Many customers at once on one screening: the hold desk decides their holds in batches, each
     * on its own. Every caller gets its own answer, no seat is held twice, every answer's events
     * are stored and nothing else, and each booking's events say who sent them and carry a
     * correlation of their own, as if each hold had been sent alone.
     */
    @Test
    void customersHoldingAtOnceEachGetTheirOwnAnswerAndNoSeatIsHeldTwice() throws Exception {
        String screening = screening(true);
        List<String> seats = List.of("A1", "A2", "A3", "A4", "A5", "B1", "B2", "B3", "B4");
        int customers = 40;
        List<String> subjects = new ArrayList<>();
        List<java.util.concurrent.Future<Response>> answers = new ArrayList<>();
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(customers);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            for (int i = 0; i < customers; i++) {
                String subject = UUID.randomUUID().toString();
                subjects.add(subject);
                String token = TestTokens.valid(subject, "CUSTOMER");
                String seat = seats.get(i % seats.size());
                answers.add(callers.submit(() -> {
                    go.await();
                    return hold(token, screening, seat);
                }));
            }
            go.countDown();
            java.util.Set<String> heldSeats = new java.util.HashSet<>();
            int held = 0;
            for (int i = 0; i < customers; i++) {
                Response answer = answers.get(i).get(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(answer.status()).as(answer.raw()).isIn(201, 409);
                if (answer.status() == 409) {
                    assertThat(answer.text("code")).isIn("seats-unavailable", "stranded-seat");
                    continue;
                }
                held++;
                String seat = answer.body().get("seats").get(0).get("seat").asText();
                assertThat(heldSeats.add(seat))
                        .as("seat " + seat + " held twice")
                        .isTrue();
                String booking = answer.text("bookingId");
                String metaData = new String(
                        jdbc.queryForObject(
                                "select meta_data from domain_event_entry where aggregate_identifier = ?"
                                        + " and payload_type like '%BookingPlacedEvent'",
                                byte[].class, booking),
                        StandardCharsets.UTF_8);
                assertThat(metaData).contains("\"sentBy\":\"" + subjects.get(i) + "\"");
            }
            assertThat(held).isBetween(1, seats.size());
            assertThat(jdbc.queryForObject(
                            "select count(*) from domain_event_entry where aggregate_identifier = ?"
                                    + " and payload_type like '%SeatsHeldEvent'",
                            Long.class, screening))
                    .as("one SeatsHeldEvent per hold answered 201, none for a refusal")
                    .isEqualTo(held);
            assertThat(jdbc
                            .queryForList(
                                    "select meta_data from domain_event_entry where aggregate_identifier = ?"
                                            + " and payload_type like '%SeatsHeldEvent'",
                                    byte[].class, screening)
                            .stream()
                            .map(bytes -> new String(bytes, StandardCharsets.UTF_8)
                                    .replaceAll(".*\"correlationId\":\"([^\"]+)\".*", "$1"))
                            .distinct()
                            .count())
                    .as("each hold's events have a correlation of their own")
                    .isEqualTo(held);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void badSeatRequestsAreRefusedWithTheRightStatus() {
        String screening = screening(true);
        Response unknown = hold(alice, screening, "A1", "Z9");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("unknownSeats").toString()).contains("Z9");
        assertThat(hold(alice, screening, "A1", "a1").status()).isEqualTo(400);
        assertThat(hold(alice, screening).status()).isEqualTo(400);
        assertThat(hold(alice, screening, "A1", "A2", "A3", "A4", "A5", "B1", "B2", "B3", "B4", "B5", "C1")
                        .status())
                .isEqualTo(400);
        // A screening named in the body that does not exist: the request is well-formed but unusable.
        Response nowhere = hold(alice, UUID.randomUUID().toString(), "A1");
        assertThat(nowhere.status()).isEqualTo(422);
        assertThat(nowhere.text("code")).isEqualTo("unknown-screening");

        String notOnSale = screening(false);
        // The screening's state forbids it (a 409), as for a cancelled screening: one status per code.
        Response notYet = hold(alice, notOnSale, "A1");
        assertThat(notYet.status()).isEqualTo(409);
        assertThat(notYet.text("code")).isEqualTo("screening-not-on-sale");

        String cancelled = screening(true);
        http.post("/api/admin/screenings/" + cancelled + "/cancel", Map.of(), admin);
        Response onCancelled = hold(alice, cancelled, "A1");
        assertThat(onCancelled.status()).isEqualTo(409);
        assertThat(onCancelled.text("code")).isEqualTo("screening-cancelled");

        assertThat(http.post("/api/bookings", Map.of("screeningId", screening, "seats", List.of("A1")), null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aHoldMayNotStrandASingleSeatUnlessTheCinemaAllowsIt() {
        Catalogue catalogue = catalogue();
        String screening = schedule(catalogue, true);
        assertThat(hold(alice, screening, "A1").status()).isEqualTo(201);
        Response stranding = hold(bob, screening, "A3");
        assertThat(stranding.status()).isEqualTo(409);
        assertThat(stranding.body().get("strandedSeats").toString()).isEqualTo("[\"A2\"]");
        // Next to the aisle the row ends: B5 free beside a taken B4 strands nothing.
        assertThat(hold(bob, screening, "B3", "B4").status()).isEqualTo(201);

        assertThat(http.put(
                                "/api/admin/cinemas/" + catalogue.cinemaId() + "/seating-policy",
                                Map.of("preventStrandedSeats", false),
                                admin)
                        .status())
                .isEqualTo(204);
        assertThat(hold(bob, screening, "A3").status()).isEqualTo(201);
    }

    @Test
    void aCustomerChangesTheirHoldAllOrNothingAndNobodyElseCan() {
        String screening = screening(true);
        String booking = hold(alice, screening, "A1", "A2").text("bookingId");
        assertThat(hold(bob, screening, "B1").status()).isEqualTo(201);

        Response clash = http.post(
                "/api/bookings/" + booking + "/seats",
                Map.of("add", List.of("B1", "A3"), "remove", List.of("A1")),
                alice);
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.body().get("unavailableSeats").toString()).isEqualTo("[\"B1\"]");

        Response changed = http.post(
                "/api/bookings/" + booking + "/seats", Map.of("add", List.of("A3"), "remove", List.of("A1")), alice);
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.raw()).contains("\"seat\":\"A2\"", "\"seat\":\"A3\"").doesNotContain("\"seat\":\"A1\"");
        assertThat(hold(bob, screening, "A1").status()).as("A1 was released").isEqualTo(201);

        assertThat(http.post("/api/bookings/" + booking + "/seats", Map.of("add", List.of("A4")), bob)
                        .status())
                .as("someone else's booking is not found")
                .isEqualTo(404);
        assertThat(http.delete("/api/bookings/" + booking, bob).status()).isEqualTo(404);
        assertThat(http.delete("/api/bookings/" + UUID.randomUUID(), bob).status())
                .isEqualTo(404);
    }

    @Test
    void releasingAHoldFreesItsSeatsAtOnce() {
        String screening = screening(true);
        String booking = hold(alice, screening, "C1", "C2").text("bookingId");
        assertThat(http.delete("/api/bookings/" + booking, alice).status()).isEqualTo(204);
        assertThat(hold(bob, screening, "C1", "C2").status()).isEqualTo(201);
        assertThat(http.delete("/api/bookings/" + booking, alice).status())
                .as("already cancelled")
                .isEqualTo(409);
        assertThat(payloadsOf(booking)).anySatisfy(p -> assertThat(p).contains("\"reason\":\"CANCELLED\""));
    }

    @Test
    void aHoldExpiresByItselfFreesItsSeatsAndTheBookingBecomesExpired() {
        String screening = screening(true);
        String booking = hold(alice, screening, "B5").text("bookingId");
        await().atMost(Duration.ofSeconds(HOLD_SECONDS + 10))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(typesOf(booking)).contains("BookingExpiredEvent"));
        assertThat(payloadsOf(booking)).anySatisfy(p -> assertThat(p).contains("\"reason\":\"EXPIRED\"", "B5"));
        String expiryMetaData = jdbc.queryForObject(
                "select meta_data from domain_event_entry where "
                        + "aggregate_identifier = ? and payload_type like '%BookingExpiredEvent'",
                (row, i) -> new String(row.getBytes(1), StandardCharsets.UTF_8), booking);
        assertThat(expiryMetaData).as("the system expired it, not the customer").contains("\"sentBy\":\"system\"");
        assertThat(http.delete("/api/bookings/" + booking, alice).status())
                .as("expired, not held")
                .isEqualTo(409);
        assertThat(hold(bob, screening, "B5").status()).isEqualTo(201);
    }

    @Test
    void aFailedExpiryIsRetriedWithinSecondsNotMinutes() {
        Object task = context.getBean("dbSchedulerDeadlineDetailsTask");
        assertThat(task).isInstanceOf(com.github.kagkarlsson.scheduler.task.AbstractTask.class);
        var deadlines = (com.github.kagkarlsson.scheduler.task.AbstractTask<?>) task;
        assertThat(deadlines.getTaskName()).isEqualTo("AxonDeadline");
        assertThat(deadlines.getFailureHandler())
                .isInstanceOf(
                        com.github.kagkarlsson.scheduler.task.FailureHandler.ExponentialBackoffFailureHandler.class);
    }

    // ---------------------------------------------------------------- payments

    @Test
    void payingAHeldBookingSellsItsSeatsConfirmsItAndARepeatNeverChargesTwice() {
        String screening = screening(true);
        String booking = hold(alice, screening, "A1", "B1").text("bookingId");
        Response paid = pay(alice, booking, "key-" + UUID.randomUUID(), "tok_success");
        assertThat(paid.status()).as(paid.raw()).isEqualTo(201);
        assertThat(paid.text("payment")).isEqualTo("CAPTURED");
        assertThat(paid.text("bookingConfirmed")).isEqualTo("true");
        assertThat(paid.text("amount/amountMinor")).isEqualTo(String.valueOf(900 + 1400));
        assertThat(typesOf(booking)).contains("BookingConfirmedEvent");
        assertThat(payloadsOf(booking)).anySatisfy(p -> assertThat(p).contains("\"seats\":[\"A1\",\"B1\"]"));

        Response taken = hold(bob, screening, "A1");
        assertThat(taken.status()).as("sold seats are not free").isEqualTo(409);
        assertThat(http.delete("/api/bookings/" + booking, alice).status())
                .as("paid, not held")
                .isEqualTo(409);

        String key = "key-" + UUID.randomUUID();
        Response held2 = hold(bob, screening, "B5");
        assertThat(held2.status()).as(held2.raw()).isEqualTo(201);
        String booking2 = held2.text("bookingId");
        Response first = pay(bob, booking2, key, "tok_success");
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        Response again = pay(bob, booking2, key, "tok_success");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("paymentId")).isEqualTo(first.text("paymentId"));
        assertThat(typesOf(first.text("paymentId")).stream()
                        .filter("PaymentCapturedEvent"::equals)
                        .count())
                .as("captured once")
                .isEqualTo(1);

        Response otherRequest = pay(bob, booking2, key, "tok_decline");
        assertThat(otherRequest.status()).isEqualTo(422);
        assertThat(otherRequest.errorFields()).containsExactly("Idempotency-Key");
    }

    @Test
    void aDeclinedPaymentKeepsTheHoldAndAnotherMethodMayPay() {
        String screening = screening(true);
        String booking = hold(alice, screening, "C1").text("bookingId");
        Response declined = pay(alice, booking, "key-" + UUID.randomUUID(), "tok_decline");
        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.isProblem()).isTrue();
        assertThat(declined.text("code")).isEqualTo("payment-declined");
        assertThat(hold(bob, screening, "C1").status()).as("still held").isEqualTo(409);
        assertThat(pay(alice, booking, "key-" + UUID.randomUUID(), "tok_success")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aProviderTimeoutChargesNothingAndAsksForARetryWithTheSameKey() {
        String screening = screening(true);
        String booking = hold(alice, screening, "C2").text("bookingId");
        String key = "key-" + UUID.randomUUID();
        Response timedOut = pay(alice, booking, key, "tok_timeout");
        assertThat(timedOut.status()).isEqualTo(503);
        assertThat(timedOut.text("code")).isEqualTo("provider-unavailable");
        assertThat(pay(alice, booking, key, "tok_timeout").status()).isEqualTo(503);
        String paymentId = jdbc.queryForObject(
                "select payment_id from payment_request where idempotency_key = ?", String.class, key);
        assertThat(typesOf(paymentId)).containsExactly("PaymentRequestedEvent");
    }

    @Test
    void aPaymentThatArrivesAfterTheHoldRanOutIsRefundedAtOnce() {
        String screening = screening(true);
        String booking = hold(alice, screening, "A5").text("bookingId");
        await().atMost(Duration.ofSeconds(HOLD_SECONDS + 10))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(typesOf(booking)).contains("BookingExpiredEvent"));
        Response late = pay(alice, booking, "key-" + UUID.randomUUID(), "tok_success");
        assertThat(late.status()).as(late.raw()).isEqualTo(409);
        // The booking no longer awaits payment: refused before any money moves.
        assertThat(late.text("code")).isEqualTo("booking-not-held");
    }

    @Test
    void aPaymentCapturedAfterTheHoldRanOutButBeforeItsExpiryWasProcessedIsRefunded() {
        String screening = screening(true);
        String booking = hold(alice, screening, "A4").text("bookingId");
        // Pay just after the hold's instant, before the expiry deadline (polled every second) has
        // run: the booking still says "awaiting payment", but the seats may no longer be sold.
        Instant expiresAt =
                Instant.parse(payloadsOf(booking).get(0).replaceAll(".*\"expiresAt\":\"([^\"]+)\".*", "$1"));
        await().atMost(Duration.ofSeconds(HOLD_SECONDS + 2))
                .until(() -> Instant.now().isAfter(expiresAt));
        Response late = pay(alice, booking, "key-" + UUID.randomUUID(), "tok_success");
        if (late.status() == 409 && "booking-not-held".equals(late.text("code"))) {
            return; // the expiry won the race this time: nothing was charged, which is also right
        }
        assertThat(late.status()).as(late.raw()).isEqualTo(409);
        assertThat(late.text("code")).isEqualTo("hold-expired-refunded");
        String paymentId = late.body().at("/payment/paymentId").asText();
        assertThat(typesOf(paymentId))
                .containsExactly("PaymentRequestedEvent", "PaymentCapturedEvent", "PaymentRefundedEvent");
    }

    @Test
    void badPaymentRequestsAreRefusedAndLeaveNothingBehind() {
        String screening = screening(true);
        String booking = hold(alice, screening, "B3").text("bookingId");
        long events = eventCount();
        Response cardNumber = pay(alice, booking, "key-" + UUID.randomUUID(), "4242424242424242");
        assertThat(cardNumber.status()).isEqualTo(400);
        assertThat(cardNumber.errorFields()).containsExactly("paymentMethod");
        assertThat(cardNumber.raw()).doesNotContain("4242424242424242");
        assertThat(http.post("/api/bookings/" + booking + "/payments", Map.of("paymentMethod", "tok_success"), alice)
                        .status())
                .as("no Idempotency-Key")
                .isEqualTo(400);
        String key = "key-" + UUID.randomUUID();
        assertThat(pay(bob, booking, key, "tok_success").status())
                .as("someone else's booking")
                .isEqualTo(404);
        assertThat(jdbc.queryForObject(
                        "select count(*) from payment_request where idempotency_key = ?", Long.class, key))
                .isZero();
        assertThat(eventCount()).isEqualTo(events);
    }

    // ---------------------------------------------------------------- refunds

    @Test
    void aCustomerReturnsSomeSeatsThenTheRestAndIsRefundedInFullDaysAhead() {
        String screening = screening(true);
        String booking = hold(alice, screening, "A1", "B1").text("bookingId");
        String paymentId =
                pay(alice, booking, "key-" + UUID.randomUUID(), "tok_success").text("paymentId");
        Response first = http.post("/api/bookings/" + booking + "/refunds", Map.of("seats", List.of("b1")), alice);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.text("percent")).isEqualTo("100");
        assertThat(first.text("amount/amountMinor")).isEqualTo("1400");
        assertThat(hold(bob, screening, "B1").status())
                .as("a returned seat is free again")
                .isEqualTo(201);
        assertThat(hold(bob, screening, "A1").status())
                .as("the kept seat stays sold")
                .isEqualTo(409);

        Response rest = http.post("/api/bookings/" + booking + "/refunds", null, alice);
        assertThat(rest.status()).as(rest.raw()).isEqualTo(201);
        assertThat(rest.text("amount/amountMinor")).isEqualTo("900");
        assertThat(typesOf(booking)).contains("BookingSeatsReturnedEvent", "BookingRefundedEvent");
        assertThat(http.post("/api/bookings/" + booking + "/refunds", null, alice)
                        .status())
                .as("nothing left to refund")
                .isEqualTo(409);
        assertThat(typesOf(paymentId).stream()
                        .filter("PaymentRefundedEvent"::equals)
                        .count())
                .isEqualTo(2);
    }

    @Test
    void aRefundTheProviderCannotMakeYetIsRecordedAndCompletesByItselfLater() {
        String screening = screening(true);
        Response held = hold(alice, screening, "C2");
        String booking = held.text("bookingId");
        assertThat(pay(alice, booking, "key-" + UUID.randomUUID(), "tok_refund_fails_once")
                        .status())
                .isEqualTo(201);

        Response pending = http.post("/api/bookings/" + booking + "/refunds", null, alice);
        assertThat(pending.status()).as(pending.raw()).isEqualTo(202);
        assertThat(pending.text("pending")).isEqualTo("true");
        String refundId = pending.text("refundId");
        assertThat(typesOf(refundId))
                .containsExactly("RefundRequestedEvent", "RefundApprovedEvent", "RefundFailedEvent");
        assertThat(hold(bob, screening, "C2").status())
                .as("not refunded yet: still sold")
                .isEqualTo(409);

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(typesOf(refundId)).contains("RefundCompletedEvent"));
        assertThat(typesOf(booking)).contains("BookingRefundedEvent");
        assertThat(hold(bob, screening, "C2").status()).isEqualTo(201);
    }

    @Test
    void theRefundPolicyGivesHalfCloseToTheScreeningAndNothingAtTheLastMinute() {
        Catalogue catalogue = catalogue();
        String soon = scheduleAt(catalogue, Instant.now().plus(3, ChronoUnit.HOURS), true);
        String booking = paidBooking(alice, soon, "C1");
        Response half = http.post("/api/bookings/" + booking + "/refunds", null, alice);
        assertThat(half.status()).as(half.raw()).isEqualTo(201);
        assertThat(half.text("percent")).isEqualTo("50");
        assertThat(half.text("amount/amountMinor")).isEqualTo("1000");

        String lastMinute = scheduleAt(catalogue, Instant.now().plus(30, ChronoUnit.MINUTES), true);
        String late = paidBooking(alice, lastMinute, "C2");
        Response refused = http.post("/api/bookings/" + late + "/refunds", null, alice);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("refund-not-allowed");
        String refundId = refused.body().at("/refund/refundId").asText();
        assertThat(typesOf(refundId)).containsExactly("RefundRequestedEvent", "RefundRejectedEvent");
        assertThat(hold(bob, lastMinute, "C2").status()).as("still sold").isEqualTo(409);
    }

    @Test
    void onlyThePayingCustomerMayAskForARefundOfAPaidBooking() {
        String screening = screening(true);
        String booking = paidBooking(alice, screening, "A2");
        assertThat(http.post("/api/bookings/" + booking + "/refunds", null, bob).status())
                .isEqualTo(404);
        assertThat(http.post("/api/bookings/" + booking + "/refunds", Map.of("seats", List.of("A3")), alice)
                        .status())
                .isEqualTo(400);
        Response held = hold(alice, screening, "B5");
        assertThat(held.status()).as(held.raw()).isEqualTo(201);
        String unpaid = held.text("bookingId");
        assertThat(http.post("/api/bookings/" + unpaid + "/refunds", null, alice)
                        .status())
                .isEqualTo(409);
    }

    @Test
    void cancellingAScreeningReleasesEveryHoldAndRefundsEveryPaidBookingExactlyOnce() {
        String screening = screening(true);
        String carol = TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER");
        String alicePaid = paidBooking(alice, screening, "A1", "B1");
        String carolPaid = paidBooking(carol, screening, "C1");
        Response bobHeld = hold(bob, screening, "B5");
        assertThat(bobHeld.status()).as(bobHeld.raw()).isEqualTo(201);
        String bobBooking = bobHeld.text("bookingId");

        assertThat(http.post("/api/admin/screenings/" + screening + "/cancel", Map.of("reason", "Flood"), admin)
                        .status())
                .isEqualTo(204);

        await().atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    assertThat(typesOf(alicePaid)).contains("BookingRefundedEvent");
                    assertThat(typesOf(carolPaid)).contains("BookingRefundedEvent");
                    assertThat(typesOf(bobBooking)).contains("BookingCancelledEvent");
                });
        String aliceRefund = "screening-cancelled-" + alicePaid;
        assertThat(typesOf(aliceRefund))
                .containsExactly("RefundRequestedEvent", "RefundApprovedEvent", "RefundCompletedEvent");
        assertThat(payloadsOf(aliceRefund)).anySatisfy(p -> assertThat(p).contains("\"amountMinor\":2300"));

        // Settling again (a redelivery after a restart) refunds nobody twice. Counted on the
        // booking's and its refund's own streams: alerts about the cancellation are still being
        // raised elsewhere in the store meanwhile.
        int bookingEvents = typesOf(alicePaid).size();
        int refundEvents = typesOf(aliceRefund).size();
        context.getBean(org.axonframework.commandhandling.gateway.CommandGateway.class)
                .sendAndWait(new dev.cinema.contracts.booking.SettleBookingOfCancelledScreeningCommand(
                        dev.cinema.contracts.booking.BookingId.of(alicePaid)));
        assertThat(typesOf(alicePaid)).hasSize(bookingEvents);
        assertThat(typesOf(aliceRefund)).hasSize(refundEvents);
        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where payload_type like "
                                + "'%PaymentRefundedEvent' and aggregate_identifier in (select payment_id from payment_request)",
                        Long.class))
                .isPositive();
    }

    String paidBooking(String customer, String screening, String... seats) {
        Response held = hold(customer, screening, seats);
        assertThat(held.status()).as(held.raw()).isEqualTo(201);
        String booking = held.text("bookingId");
        Response paid = pay(customer, booking, "key-" + UUID.randomUUID(), "tok_success");
        assertThat(paid.status()).as(paid.raw()).isEqualTo(201);
        return booking;
    }

    Response pay(String token, String booking, String key, String method) {
        return http.postWithHeaders(
                "/api/bookings/" + booking + "/payments",
                Map.of("paymentMethod", method),
                token,
                Map.of("Idempotency-Key", key));
    }

    // ---------------------------------------------------------------- helpers

    record Catalogue(String cinemaId, String screenId, String filmId) {}

    Response hold(String token, String screening, String... seats) {
        return http.post("/api/bookings", Map.of("screeningId", screening, "seats", List.of(seats)), token);
    }

    String screening(boolean onSale) {
        return schedule(catalogue(), onSale);
    }

    /** Rows A (5 seats), B (5 seats, aisle after B2) and C (2 couple seats). */
    Catalogue catalogue() {
        String location = created(http.post("/api/admin/locations", Map.of("name", "Oxford"), admin));
        String cinema = created(http.post(
                "/api/admin/cinemas",
                Map.of(
                        "locationId",
                        location,
                        "name",
                        "Ultimate",
                        "timeZone",
                        "Europe/London",
                        "address",
                        Map.of("street", "Magdalen Road", "city", "Oxford", "postalCode", "OX4 1RW", "country", "GB")),
                admin));
        String screen = created(http.post(
                "/api/admin/screens",
                Map.of(
                        "cinemaId",
                        cinema,
                        "name",
                        "One",
                        "format",
                        "TWO_D",
                        "layout",
                        Map.of(
                                "rows",
                                List.of(
                                        row(
                                                "A",
                                                seat("1", "STANDARD"),
                                                seat("2", "STANDARD"),
                                                seat("3", "STANDARD"),
                                                seat("4", "STANDARD"),
                                                seat("5", "STANDARD")),
                                        row(
                                                "B",
                                                seat("1", "PREMIUM"),
                                                seat("2", "PREMIUM"),
                                                Map.of("kind", "GAP"),
                                                seat("3", "PREMIUM"),
                                                seat("4", "PREMIUM"),
                                                seat("5", "PREMIUM")),
                                        row("C", seat("1", "COUPLE"), seat("2", "COUPLE"))))),
                admin));
        String film = created(http.post(
                "/api/admin/films",
                Map.of(
                        "title",
                        "Holds",
                        "runtimeMinutes",
                        90,
                        "ageRating",
                        "PG",
                        "genres",
                        List.of("DRAMA"),
                        "releaseDate",
                        "2026-01-01"),
                admin));
        return new Catalogue(cinema, screen, film);
    }

    String schedule(Catalogue catalogue, boolean onSale) {
        return scheduleAt(
                catalogue,
                Instant.now()
                        .plus(2, ChronoUnit.DAYS)
                        .plus((long) (Math.random() * 300), ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.HOURS),
                onSale);
    }

    String scheduleAt(Catalogue catalogue, Instant start, boolean onSale) {
        return created(http.post(
                "/api/admin/screenings",
                Map.of(
                        "filmId",
                        catalogue.filmId(),
                        "screenId",
                        catalogue.screenId(),
                        "startsAt",
                        start.toString(),
                        "onSale",
                        onSale,
                        "prices",
                        Map.of(
                                "STANDARD", Map.of("amountMinor", 900, "currency", "GBP"),
                                "PREMIUM", Map.of("amountMinor", 1400, "currency", "GBP"),
                                "COUPLE", Map.of("amountMinor", 2000, "currency", "GBP"))),
                admin));
    }

    static Map<String, Object> row(String label, Object... cells) {
        return Map.of("label", label, "cells", List.of(cells));
    }

    static Map<String, Object> seat(String number, String type) {
        return Map.of("kind", "SEAT", "number", number, "type", type);
    }

    static String created(Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.text("id");
    }

    long eventCount() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    /** Payloads of every event that mentions the booking (its own and the screening's). */
    List<String> payloadsOf(String bookingId) {
        return new ArrayList<>(jdbc.query(
                        "select payload from domain_event_entry order by global_index",
                        (row, i) -> new String(row.getBytes(1), StandardCharsets.UTF_8)))
                .stream().filter(payload -> payload.contains(bookingId)).toList();
    }

    List<String> typesOf(String bookingId) {
        return jdbc
                .queryForList(
                        "select payload_type from domain_event_entry where aggregate_identifier = ?",
                        String.class,
                        bookingId)
                .stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }
}
