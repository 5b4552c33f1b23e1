package dev.cinema.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.JsonHttp.Response;
import dev.cinema.platform.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Money is never kept without seats, nor seats without money: a seeded, randomized run of many
 * customers holding seats, paying (captured, declined, too late), cancelling, returning some or all
 * of their seats and leaving holds to run out, on a small pool of threads; then staff cancel a
 * screening that has paid and held bookings. Once the system is quiet, the event store is read back
 * and, for every booking, what was captured less what was refunded is exactly what its final state
 * is worth; no seat is sold or held by two bookings; the auditors' payment history and what each
 * customer sees of their bookings tell the same story as the event store, and so do the analysts'
 * reports of sales, refunds and occupancy; every event that concerns a customer raised exactly one
 * alert; and every read model replayed from the first event
 * is exactly the live one, without a word to a customer watching their inbox live.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MoneyInvariantsTest {

    static final long SEED = 20_260_311L;
    static final int CUSTOMERS = 40;
    static final int ROUNDS_PER_CUSTOMER = 2;
    static final int THREADS = 6;
    static final int SCREENINGS = 3;
    static final List<String> ROWS = List.of("A", "B", "C", "D", "E");
    static final int SEATS_PER_ROW = 8;
    static final Duration HOLD = Duration.ofSeconds(3);
    static final String CURRENCY = "EUR";

    StandaloneApplication.Running system;
    JsonHttp commands;
    JsonHttp queries;
    final String admin = TestTokens.valid(UUID.randomUUID().toString(), "ADMIN");
    final String auditor = TestTokens.valid(UUID.randomUUID().toString(), "AUDITOR");
    final String analyst = TestTokens.valid(UUID.randomUUID().toString(), "ANALYST");

    final List<String> screenings = new ArrayList<>();
    final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    /** Whose booking is whose: the token of the customer who placed it, to read it back as they see it. */
    final Map<String, String> customerTokens = new ConcurrentHashMap<>();
    /** Answers the API does not promise for the request that got them (500s, a refund of a paid booking refused...). */
    final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());

    /** The event store once the run is over, in global order. */
    List<StoredEvent> events;

    Map<String, BookingState> bookings;
    Map<String, Ledger> ledgers;

    /** The screening staff cancel, with a booking paid and one held on it just before. */
    String cancelledScreening;

    String paidOnCancelled;
    String heldOnCancelled;

    abstract Map<String, Object> database();

    @BeforeAll
    void runTheShop() throws Exception {
        Map<String, Object> properties = new HashMap<>(database());
        properties.putAll(TestTokens.keyProperties());
        properties.put("server.port", "0");
        properties.put("cinema.booking.hold-duration", "PT3S");
        properties.put("cinema.payments.simulated.decline-rate", "0.3");
        properties.put("cinema.payments.simulated.latency", "PT0S");
        properties.put("cinema.payments.simulated.seed", String.valueOf(SEED));
        system = StandaloneApplication.start(properties, false);
        commands = JsonHttp.localhost(system.commandPort());
        queries = JsonHttp.localhost(system.queryPort());
        for (int i = 0; i < SCREENINGS; i++) {
            screenings.add(screening(i));
        }

        long started = System.nanoTime();
        // The reviewers' screening starts seconds after it is scheduled: scheduled (and its seats
        // bought) before the run, so that it has started by the time the run is over.
        Reviewers reviewers = reviewersWithSeats();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> customers = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            int customer = c;
            customers.add(pool.submit(() -> {
                customer(customer);
                return null;
            }));
        }
        for (Future<?> customer : customers) {
            customer.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        cancelAScreeningWithPaidAndHeldBookings();
        reviewsAndFavourites(reviewers);
        long ran = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        awaitQuiet();
        events = storedEvents();
        bookings = bookingStates(events);
        ledgers = ledgers(events);
        System.out.printf(
                "money invariants (seed %d, %d customers, %d ms): holds %d (refused %d), payments %d "
                        + "(captured %d, declines %d, replays %d), late payments %d (refunded %d, refused %d), "
                        + "seat changes %d, cancellations %d, refunds %d (partial %d), left to expire %d; "
                        + "screening cancelled with bookings %s; bookings %s; %d events%n",
                SEED,
                CUSTOMERS,
                ran,
                count("holds"),
                count("holds refused"),
                count("payments"),
                count("captured"),
                count("declines"),
                count("replays"),
                count("late payments"),
                count("late refunds"),
                count("late refused"),
                count("seat changes"),
                count("cancellations"),
                count("refunds"),
                count("partial refunds"),
                count("left to expire"),
                new TreeMap<>(bookings.values().stream()
                        .filter(booking -> booking.screeningId.equals(cancelledScreening))
                        .collect(Collectors.groupingBy(b -> b.status, Collectors.counting()))),
                new TreeMap<>(bookings.values().stream()
                        .collect(Collectors.groupingBy(b -> b.status, Collectors.counting()))),
                events.size());
    }

    @AfterAll
    void stop() {
        if (system != null) {
            system.stop();
        }
    }

    // ---------------------------------------------------------------- the invariants

    @Test
    void everyRequestWasAnsweredAsTheApiPromises() {
        assertThat(unexpected).isEmpty();
    }

    @Test
    void theRunExercisedEveryWayMoneyMovesAndSeatsGoBack() {
        assertThat(count("captured")).as("captured payments").isPositive();
        assertThat(count("declines")).as("declined payments").isPositive();
        assertThat(count("late refunds") + count("late refused"))
                .as("late payments")
                .isPositive();
        assertThat(count("refunds")).as("refunds").isPositive();
        assertThat(count("partial refunds")).as("partial refunds").isPositive();
        assertThat(count("cancellations")).as("cancellations").isPositive();
        assertThat(bookings.values())
                .as("bookings left to expire")
                .anyMatch(booking -> booking.status.equals("EXPIRED"));
        assertThat(bookings.values())
                .as("bookings refunded in full")
                .anyMatch(booking -> booking.status.equals("REFUNDED"));
    }

    @Test
    void everyBookingHasKeptExactlyWhatItsRemainingSeatsCost() {
        List<String> violations = new ArrayList<>();
        for (BookingState booking : bookings.values()) {
            Ledger ledger = ledgers.getOrDefault(booking.bookingId, new Ledger());
            long expected = booking.status.equals("CONFIRMED") ? booking.price() : 0;
            if (ledger.net() != expected) {
                violations.add(String.format(
                        "booking %s is %s with seats %s worth %d, but captured %d - refunded %d "
                                + "= %d; its events:%n%s",
                        booking.bookingId,
                        booking.status,
                        booking.seats.keySet(),
                        booking.price(),
                        ledger.captured,
                        ledger.refunded,
                        ledger.net(),
                        history(booking.bookingId)));
            }
        }
        for (Map.Entry<String, Ledger> entry : ledgers.entrySet()) {
            if (!bookings.containsKey(entry.getKey())) {
                violations.add("money moved for unknown booking " + entry.getKey() + ":\n" + history(entry.getKey()));
            }
        }
        assertThat(violations)
                .as("bookings whose money does not match their seats")
                .isEmpty();
    }

    @Test
    void noPaymentIsEverRefundedMoreThanWasCaptured() {
        Map<String, long[]> perPayment = new TreeMap<>();
        for (StoredEvent event : events) {
            if (event.is("PaymentCapturedEvent")) {
                perPayment.computeIfAbsent(event.id("paymentId"), p -> new long[2])[0] += event.minor("amount");
            } else if (event.is("PaymentRefundedEvent")) {
                perPayment.computeIfAbsent(event.id("paymentId"), p -> new long[2])[1] += event.minor("amount");
            }
        }
        List<String> violations = new ArrayList<>();
        perPayment.forEach((payment, money) -> {
            if (money[1] > money[0] || money[1] < 0) {
                violations.add("payment " + payment + " captured " + money[0] + " but refunded " + money[1]);
            }
        });
        assertThat(violations).isEmpty();
    }

    @Test
    void noSeatIsEverSoldOrHeldByTwoBookings() {
        List<String> violations = new ArrayList<>();
        for (String screening : screenings) {
            Map<String, String> heldBy = new HashMap<>();
            Map<String, Instant> holdExpiry = new HashMap<>();
            Map<String, String> soldTo = new HashMap<>();
            for (StoredEvent event : events) {
                if (!screening.equals(event.aggregate)) {
                    continue;
                }
                String booking =
                        event.is("SeatsHeldEvent") || event.is("SeatsSoldEvent") || event.is("SeatsReleasedEvent")
                                ? event.id("bookingId")
                                : null;
                if (event.is("SeatsHeldEvent")) {
                    for (JsonNode seat : event.payload.get("seats")) {
                        String label = seat.get("seat").asText();
                        String owner = soldTo.get(label);
                        if (owner != null && !owner.equals(booking)) {
                            violations.add(String.format(
                                    "#%d %s held for %s while sold to %s", event.globalIndex, label, booking, owner));
                        }
                        String holder = heldBy.get(label);
                        if (holder != null
                                && !holder.equals(booking)
                                && holdExpiry.getOrDefault(holder, Instant.MIN).isAfter(event.at)) {
                            violations.add(String.format(
                                    "#%d %s held for %s while %s held it until %s",
                                    event.globalIndex, label, booking, holder, holdExpiry.get(holder)));
                        }
                        heldBy.put(label, booking);
                    }
                    holdExpiry.put(
                            booking,
                            Instant.parse(event.payload.get("expiresAt").asText()));
                } else if (event.is("SeatsSoldEvent")) {
                    for (JsonNode seat : event.payload.get("seats")) {
                        String label = seat.asText();
                        if (!booking.equals(heldBy.get(label))) {
                            violations.add(String.format(
                                    "#%d %s sold to %s, which did not hold it (held by %s)",
                                    event.globalIndex, label, booking, heldBy.get(label)));
                        }
                        String owner = soldTo.put(label, booking);
                        if (owner != null && !owner.equals(booking)) {
                            violations.add(String.format(
                                    "#%d %s sold to %s while sold to %s", event.globalIndex, label, booking, owner));
                        }
                        heldBy.remove(label, booking);
                    }
                    holdExpiry.remove(booking);
                } else if (event.is("SeatsReleasedEvent")) {
                    for (JsonNode seat : event.payload.get("seats")) {
                        heldBy.remove(seat.asText(), booking);
                        soldTo.remove(seat.asText(), booking);
                    }
                    if (!heldBy.containsValue(booking)) {
                        holdExpiry.remove(booking);
                    }
                }
            }

            // At rest: nothing is held any more, and what is sold is exactly the confirmed bookings' seats.
            assertThat(heldBy)
                    .as("seats of screening %s still held once every hold has ended", screening)
                    .isEmpty();
            Map<String, String> confirmedSeats = new TreeMap<>();
            bookings.values().stream()
                    .filter(booking -> booking.screeningId.equals(screening) && booking.status.equals("CONFIRMED"))
                    .forEach(booking -> booking.seats.keySet().forEach(seat -> {
                        String other = confirmedSeats.put(seat, booking.bookingId);
                        if (other != null) {
                            violations.add(String.format(
                                    "%s of screening %s belongs to confirmed bookings %s and %s",
                                    seat, screening, other, booking.bookingId));
                        }
                    }));
            assertThat(new TreeMap<>(soldTo))
                    .as("seats sold on screening %s", screening)
                    .isEqualTo(confirmedSeats);

            // The seat map on the query side says the same: those seats sold, nothing held.
            Response map = queries.get("/api/screenings/" + screening + "/seat-map", null);
            assertThat(map.status()).isEqualTo(200);
            Set<String> sold = new TreeSet<>();
            Set<String> held = new TreeSet<>();
            map.body()
                    .get("rows")
                    .forEach(row -> row.get("cells").forEach(cell -> {
                        if ("SOLD".equals(cell.path("state").asText())) {
                            sold.add(cell.get("label").asText());
                        } else if ("HELD".equals(cell.path("state").asText())) {
                            held.add(cell.get("label").asText());
                        }
                    }));
            assertThat(held)
                    .as("seats the seat map of %s shows as held", screening)
                    .isEmpty();
            assertThat(sold)
                    .as("seats the seat map of %s shows as sold", screening)
                    .isEqualTo(confirmedSeats.keySet());
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theAuditHistoryOfEveryBookingAgreesWithTheEventStore() {
        List<String> violations = new ArrayList<>();
        for (BookingState booking : bookings.values()) {
            Ledger ledger = ledgers.getOrDefault(booking.bookingId, new Ledger());
            Response audit = queries.get("/api/audit/payments?bookingId=" + booking.bookingId + "&size=100", auditor);
            assertThat(audit.status()).as(audit.raw()).isEqualTo(200);
            long paid = 0;
            long refunded = 0;
            long net = 0;
            for (JsonNode totals : audit.body().get("totals")) {
                assertThat(totals.at("/net/currency").asText()).isEqualTo(CURRENCY);
                paid += totals.at("/paid/amountMinor").asLong();
                refunded += totals.at("/refunded/amountMinor").asLong();
                net += totals.at("/net/amountMinor").asLong();
            }
            int paymentEntries = 0;
            int refundEntries = 0;
            for (JsonNode item : audit.body().get("items")) {
                if ("PAYMENT".equals(item.path("kind").asText())) {
                    paymentEntries++;
                } else if ("REFUND".equals(item.path("kind").asText())) {
                    refundEntries++;
                }
            }
            if (paid != ledger.captured
                    || refunded != ledger.refunded
                    || net != ledger.net()
                    || paymentEntries != ledger.requested
                    || refundEntries != ledger.refunds) {
                violations.add(String.format(
                        "booking %s (%s): the audit says paid %d, refunded %d, net %d in %d "
                                + "payment and %d refund entries; the event store says captured %d, refunded %d, "
                                + "net %d in %d payments and %d refunds; its events:%n%s%nthe audit answer: %s",
                        booking.bookingId,
                        booking.status,
                        paid,
                        refunded,
                        net,
                        paymentEntries,
                        refundEntries,
                        ledger.captured,
                        ledger.refunded,
                        ledger.net(),
                        ledger.requested,
                        ledger.refunds,
                        history(booking.bookingId),
                        audit.raw()));
            }
        }
        assertThat(violations)
                .as("bookings whose audit history disagrees with the event store")
                .isEmpty();
    }

    @Test
    void cancellingTheScreeningRefundedItsPaidBookingsAndEndedItsHolds() {
        assertThat(events)
                .as("the screening's cancellation")
                .anyMatch(event -> event.is("ScreeningCancelledEvent") && event.aggregate.equals(cancelledScreening));
        assertThat(bookings.get(paidOnCancelled).status).isEqualTo("REFUNDED");
        assertThat(ledgers.get(paidOnCancelled).refunded)
                .isEqualTo(ledgers.get(paidOnCancelled).captured)
                .isPositive();
        // The settlement usually comes first; if the hold ran out before it did, it expired instead.
        assertThat(bookings.get(heldOnCancelled).status).isIn("CANCELLED", "EXPIRED");
        assertThat(bookings.values())
                .filteredOn(booking -> booking.screeningId.equals(cancelledScreening))
                .as("bookings of the cancelled screening still open")
                .noneMatch(booking -> booking.status.equals("CONFIRMED") || booking.status.equals("AWAITING_PAYMENT"));
    }

    /**
     * Reconciliation of "my bookings" with the event store: what each customer is shown of each of
     * their bookings ({@code GET /api/me/bookings/{id}} with their own token) is what a fold of the
     * stored events says: its state, the seats it still has and their prices, the seats returned
     * and the prices they were bought at, the money its payments gave back, and whether its
     * screening was cancelled.
     */
    @Test
    void whatEveryCustomerSeesOfTheirBookingsAgreesWithTheEventStore() {
        Set<String> cancelledScreenings = events.stream()
                .filter(event -> event.is("ScreeningCancelledEvent"))
                .map(event -> event.id("screeningId"))
                .collect(Collectors.toSet());
        List<String> violations = new ArrayList<>();
        for (BookingState booking : bookings.values()) {
            String token = customerTokens.get(booking.bookingId);
            assertThat(token)
                    .as("the token of booking %s's customer", booking.bookingId)
                    .isNotNull();
            Response view = queries.get("/api/me/bookings/" + booking.bookingId, token);
            List<String> differences = new ArrayList<>();
            if (view.status() != 200) {
                differences.add("HTTP " + view.status() + " " + view.raw());
            } else {
                JsonNode body = view.body();
                JsonNode refunded = body.at("/refunded/amountMinor");
                JsonNode cancelled = body.get("screeningCancelled");
                differ("status", booking.status, view.text("status"), differences);
                differ("seats", booking.seats, prices(body.get("seats")), differences);
                differ("returnedSeats", booking.returned, prices(body.get("returnedSeats")), differences);
                differ(
                        "refunded",
                        ledgers.getOrDefault(booking.bookingId, new Ledger()).refunded,
                        refunded.isMissingNode() ? null : refunded.asLong(),
                        differences);
                differ(
                        "screeningCancelled",
                        cancelledScreenings.contains(booking.screeningId),
                        cancelled == null || cancelled.isNull() ? null : cancelled.asBoolean(),
                        differences);
            }
            if (!differences.isEmpty()) {
                // The events that make the case, for the first few: enough to see what was missed.
                violations.add(String.format(
                        "booking %s: %s%s",
                        booking.bookingId,
                        String.join("; ", differences),
                        violations.size() < 5 ? "; its events:\n" + history(booking.bookingId) : ""));
            }
        }
        assertThat(violations)
                .as(
                        "bookings whose customer is shown something else than the event store says (%d of %d)",
                        violations.size(), bookings.size())
                .isEmpty();
    }

    /**
     * The auditors' reconciliation, a replay of every payment, refund and booking with the read
     * models' own folds, finds what the checks above find: nothing. And the hash chain of every
     * payment, refund and booking stream written during the run holds.
     */
    @Test
    void theAuditorsReconciliationAndIntegrityCheckFindNothingWrong() {
        Response reconciliation = queries.get("/api/audit/reconciliation", auditor);
        assertThat(reconciliation.status()).as(reconciliation.raw()).isEqualTo(200);
        assertThat(reconciliation.body().get("differences"))
                .as("differences between the events and the read models")
                .isEmpty();
        assertThat(reconciliation.text("readModelsCaughtUp")).isEqualTo("true");
        assertThat(reconciliation.body().get("bookingsChecked").asLong()).isEqualTo(bookings.size());
        assertThat(reconciliation.body().get("paymentsChecked").asLong())
                .isEqualTo(events.stream()
                        .filter(event -> event.is("PaymentRequestedEvent"))
                        .count());

        Response integrity = queries.get("/api/audit/integrity", auditor);
        assertThat(integrity.status()).as(integrity.raw()).isEqualTo(200);
        assertThat(integrity.body().get("firstBroken").isNull())
                .as(integrity.raw())
                .isTrue();
        assertThat(integrity.body().get("unchainedEvents").asLong()).isZero();
        JdbcTemplate jdbc = system.command().getBean(JdbcTemplate.class);
        assertThat(integrity.body().get("eventsChecked").asLong())
                .isEqualTo(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where type in ('Booking', 'Payment', 'Refund')",
                        Long.class));
    }

    /**
     * The analysts' reports over the whole run, summed over their groups, say what the event store
     * says: every booking paid is a sale with the seats it had when paid and its total; every refund
     * is counted in its last state, with the seats it returned and the money it gave back; every
     * screening's seats sold now are the seats of its confirmed bookings, against the seats of its
     * layout, and the one cancelled is counted apart.
     */
    @Test
    void theAnalystsReportsAgreeWithTheEventStore() {
        Instant from = events.get(0).at.minus(1, ChronoUnit.HOURS);
        Instant to = Instant.now().plus(SCREENINGS + 5, ChronoUnit.DAYS);
        String period = "?from=" + from + "&to=" + to + "&groupBy=film";

        Map<String, Integer> seatsHeld = new HashMap<>();
        long sales = 0;
        long seatsSold = 0;
        long gross = 0;
        Map<String, String> refundStates = new HashMap<>();
        Map<String, Integer> refundSeats = new HashMap<>();
        long refunded = 0;
        Set<String> cancelled = new TreeSet<>();
        Map<String, Integer> capacities = new TreeMap<>();
        Map<String, Instant> starts = new HashMap<>();
        for (StoredEvent event : events) {
            switch (event.type) {
                case "BookingPlacedEvent", "BookingSeatsChangedEvent" ->
                    seatsHeld.put(
                            event.id("bookingId"), event.payload.get("seats").size());
                case "BookingConfirmedEvent" -> {
                    sales++;
                    seatsSold += seatsHeld.get(event.id("bookingId"));
                    gross += event.minor("total");
                }
                case "RefundRequestedEvent" -> {
                    refundStates.put(event.id("refundId"), "pending");
                    refundSeats.put(
                            event.id("refundId"), event.payload.get("seats").size());
                }
                case "RefundFailedEvent" -> refundStates.put(event.id("refundId"), "failed");
                case "RefundRejectedEvent" -> refundStates.put(event.id("refundId"), "rejected");
                case "RefundCompletedEvent" -> {
                    refundStates.put(event.id("refundId"), "completed");
                    refunded += event.minor("amount");
                }
                case "ScreeningScheduledEvent" -> {
                    int seats = 0;
                    for (JsonNode row : event.payload.at("/layout/rows")) {
                        for (JsonNode cell : row.get("cells")) {
                            seats += "SEAT".equals(cell.path("kind").asText()) ? 1 : 0;
                        }
                    }
                    capacities.put(event.id("screeningId"), seats);
                    starts.put(
                            event.id("screeningId"),
                            Instant.parse(event.payload.get("startsAt").asText()));
                }
                case "ScreeningRescheduledEvent" ->
                    starts.put(
                            event.id("screeningId"),
                            Instant.parse(event.payload.get("startsAt").asText()));
                case "ScreeningCancelledEvent" -> cancelled.add(event.id("screeningId"));
                default -> {}
            }
        }
        // The screenings that start in the period: every one of the run.
        assertThat(starts.values()).allMatch(start -> !start.isBefore(from) && start.isBefore(to));
        Map<String, Long> refunds = refundStates.values().stream()
                .collect(Collectors.groupingBy(state -> state, TreeMap::new, Collectors.counting()));
        long seatsReturned = refundStates.entrySet().stream()
                .filter(refund -> refund.getValue().equals("completed"))
                .mapToLong(refund -> refundSeats.get(refund.getKey()))
                .sum();
        long seatsTaken = bookings.values().stream()
                .filter(booking -> booking.status.equals("CONFIRMED") && !cancelled.contains(booking.screeningId))
                .mapToLong(booking -> booking.seats.size())
                .sum();
        long capacity = capacities.entrySet().stream()
                .filter(screening -> !cancelled.contains(screening.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();

        JsonNode salesReport = report("/api/analytics/sales" + period);
        assertThat(sum(salesReport, "/bookings")).as("bookings paid").isEqualTo(sales);
        assertThat(sum(salesReport, "/seats")).as("seats paid for").isEqualTo(seatsSold);
        assertThat(sum(salesReport, "/gross/amountMinor")).as("paid").isEqualTo(gross);

        JsonNode refundReport = report("/api/analytics/refunds" + period);
        assertThat(sum(refundReport, "/completed")).isEqualTo(refunds.getOrDefault("completed", 0L));
        assertThat(sum(refundReport, "/pending")).isEqualTo(refunds.getOrDefault("pending", 0L));
        assertThat(sum(refundReport, "/failed")).isEqualTo(refunds.getOrDefault("failed", 0L));
        assertThat(sum(refundReport, "/rejected")).isEqualTo(refunds.getOrDefault("rejected", 0L));
        assertThat(sum(refundReport, "/seatsReturned")).isEqualTo(seatsReturned);
        assertThat(sum(refundReport, "/refunded/amountMinor")).isEqualTo(refunded);
        assertThat(refunds.getOrDefault("completed", 0L)).as("the run refunded").isPositive();

        JsonNode occupancyReport = report("/api/analytics/occupancy" + period);
        assertThat(sum(occupancyReport, "/screenings")).isEqualTo(capacities.size() - cancelled.size());
        assertThat(sum(occupancyReport, "/cancelledScreenings")).isEqualTo(cancelled.size());
        assertThat(sum(occupancyReport, "/seatsSold")).as("seats sold now").isEqualTo(seatsTaken);
        assertThat(sum(occupancyReport, "/capacity")).isEqualTo(capacity);
        assertThat(sum(salesReport, "/bookings")).as("the run sold").isPositive();
    }

    private JsonNode report(String path) {
        Response report = queries.get(path, analyst);
        assertThat(report.status()).as(report.raw()).isEqualTo(200);
        return report.body();
    }

    private static long sum(JsonNode report, String measure) {
        long sum = 0;
        for (JsonNode row : report.get("rows")) {
            sum += row.at(measure).asLong();
        }
        return sum;
    }

    /**
     * A read model is trusted only if a replay from the first event rebuilds exactly what the live
     * one holds. Every projection is rebuilt into its other slot through the analysts' API, which
     * compares checksums of both slots at one position and switches only when they are equal; the
     * rows of each table are also compared here, slot against slot, independently of that checksum.
     * The tables must be every table of the read-model schema and the processors every query-side
     * processor, so that nothing new can escape. A customer watches their inbox throughout.
     */
    @Test
    void everyReadModelRebuiltFromTheFirstEventIsExactlyTheLiveOne() {
        JdbcTemplate jdbc = system.query().getBean(JdbcTemplate.class);
        Response listed = queries.get("/api/ops/projections", analyst);
        assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
        Map<String, List<String>> tablesOf = new TreeMap<>();
        Set<String> slotProcessors = new TreeSet<>();
        listed.body().forEach(projection -> {
            List<String> tables = new ArrayList<>();
            projection.path("tables").forEach(table -> tables.add(table.asText()));
            tablesOf.put(projection.path("name").asText(), tables);
            projection.path("processingGroups").forEach(group -> slotProcessors.add(group.asText()));
        });
        Set<String> checked =
                tablesOf.values().stream().flatMap(List::stream).collect(Collectors.toCollection(TreeSet::new));
        assertThat(checked)
                .as("the tables rebuilt are every table of the read-model schema")
                .isEqualTo(readModelTables(jdbc));
        Set<String> processors = new TreeSet<>(system.query()
                .getBean(EventProcessingConfiguration.class)
                .eventProcessors()
                .keySet());
        assertThat(processors)
                .as("every query-side processor is a slot of a rebuildable projection")
                .isEqualTo(slotProcessors);

        // A customer with alerts watches their inbox live through every rebuild: nothing may reach them.
        String watcher = events.stream()
                .filter(event -> event.is("AlertRaisedEvent"))
                .map(event -> event.id("customerId"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the run raised no alert"));
        LiveInbox inbox = LiveInbox.open(system.queryPort(), TestTokens.valid(watcher, "CUSTOMER"));

        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        List<String> differences = new ArrayList<>();
        tablesOf.forEach((name, tables) -> {
            String liveSlot =
                    queries.get("/api/ops/projections/" + name, analyst).text("activeSlot");
            Map<String, TableContent> live = contents(jdbc, schema(liveSlot), tables);
            assertThat(live.values())
                    .as("%s: the live read model is not empty", name)
                    .anyMatch(content -> !content.rows().isEmpty());
            Response started = queries.post("/api/ops/projections/" + name + "/rebuilds", null, analyst);
            assertThat(started.status()).as(started.raw()).isEqualTo(202);
            Response[] finished = new Response[1];
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> {
                        finished[0] = queries.get(
                                "/api/ops/projections/" + name + "/rebuilds/" + started.text("id"), analyst);
                        assertThat(finished[0].text("phase"))
                                .as(finished[0].raw())
                                .isIn("READY", "SWITCHED", "FAILED");
                    });
            Map<String, TableContent> rebuilt = contents(jdbc, schema(finished[0].text("targetSlot")), tables);
            if (!"SWITCHED".equals(finished[0].text("phase"))) {
                differences.add(name + ": " + finished[0].raw());
            }
            live.forEach((table, content) -> {
                TableContent again = rebuilt.get(table);
                if (!content.hash().equals(again.hash())) {
                    differences.add(content.difference(name, again));
                }
            });
        });
        assertThat(jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class))
                .as("no event was stored while the read models were rebuilt")
                .isEqualTo(head);
        assertThat(differences)
                .as("read models whose rebuild differs from the live one")
                .isEmpty();
        inbox.close();
        assertThat(inbox.names())
                .as("what the live inbox of %s heard while the read models were rebuilt", watcher)
                .containsExactly("unread-count");
    }

    private static String schema(String slot) {
        return "A".equals(slot) ? "read_model" : "read_model_b";
    }

    /**
     * Every event that concerns a customer raised exactly one alert in their inbox, of its type,
     * about its booking: none lost, none twice (the alert policy's ids are derived from the
     * triggering events, and the inbox ignores an id it holds).
     */
    @Test
    void everyTriggerRaisedExactlyOneAlert() {
        Map<String, Long> expected = new TreeMap<>();
        Map<String, Long> raised = new TreeMap<>();
        for (StoredEvent event : events) {
            String booking = event.id("bookingId");
            String type = switch (event.type) {
                case "BookingConfirmedEvent" -> "BOOKING_CONFIRMED";
                case "BookingHoldExpiringEvent" -> "HOLD_EXPIRING";
                case "BookingExpiredEvent" -> "HOLD_EXPIRED";
                case "PaymentDeclinedEvent" -> "PAYMENT_DECLINED";
                case "PaymentRefundedEvent" ->
                    "hold-expired".equals(event.payload.path("reason").asText()) ? "LATE_PAYMENT_REFUNDED" : null;
                case "RefundFailedEvent" -> event.payload.path("attempt").asInt() == 1 ? "REFUND_FAILED" : null;
                case "RefundCompletedEvent" ->
                    ("screening-cancelled-" + booking).equals(event.id("refundId"))
                            ? "SCREENING_CANCELLED"
                            : "REFUND_COMPLETED";
                case "SeatsReleasedEvent" ->
                    "SCREENING_CANCELLED".equals(event.payload.path("reason").asText()) ? "SCREENING_CANCELLED" : null;
                default -> null;
            };
            if (type != null) {
                expected.merge(type + " " + booking, 1L, Long::sum);
            }
            // A favourite's new screening concerns no booking; AlertsTest proves it is raised once.
            if (event.is("AlertRaisedEvent")
                    && !"NEW_SCREENING_OF_FAVOURITE"
                            .equals(event.payload.path("type").asText())) {
                raised.merge(
                        event.payload.path("type").asText() + " "
                                + event.payload.at("/refs/bookingId/value").asText(),
                        1L,
                        Long::sum);
            }
        }
        assertThat(expected).as("triggers in the run").isNotEmpty();
        assertThat(raised).as("alerts raised, by type and booking").isEqualTo(expected);
    }

    // ---------------------------------------------------------------- the customers

    private void customer(int index) throws InterruptedException {
        Random random = new Random(SEED * 31 + index);
        String token = TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER");
        for (int round = 0; round < ROUNDS_PER_CUSTOMER; round++) {
            Hold hold = hold(random, token);
            if (hold == null) {
                continue;
            }
            int action = random.nextInt(100);
            if (action < 35) {
                if (random.nextInt(5) == 0) {
                    hold = changeSeats(random, token, hold);
                }
                payAndMaybeReturn(random, token, hold, "tok_success");
            } else if (action < 55) {
                // Any other token: declined at the configured rate; after a decline, half try again.
                String method = "tok_card_" + Integer.toHexString(random.nextInt(1 << 20));
                if (!payAndMaybeReturn(random, token, hold, method)) {
                    if (random.nextBoolean()) {
                        payAndMaybeReturn(random, token, hold, "tok_success");
                    } else {
                        tally("left to expire");
                    }
                }
            } else if (action < 62) {
                pay(token, hold, "tok_decline", "pay-" + UUID.randomUUID());
                tally("left to expire");
            } else if (action < 74) {
                // Pays only after the hold ran out: refunded at once, or refused if the expiry came first.
                Thread.sleep(HOLD.toMillis() + 200 + random.nextInt(1300));
                tally("late payments");
                Response late = pay(token, hold, "tok_success", "pay-" + UUID.randomUUID());
                if (late.status() == 409 && "hold-expired-refunded".equals(late.text("code"))) {
                    tally("late refunds");
                } else if (late.status() == 409 && "booking-not-held".equals(late.text("code"))) {
                    tally("late refused");
                } else {
                    unexpected("late payment", hold, late);
                }
            } else if (action < 86) {
                Response cancelled = commands.delete("/api/bookings/" + hold.bookingId, token);
                if (cancelled.status() == 204) {
                    tally("cancellations");
                } else if (cancelled.status() != 409) {
                    unexpected("cancel", hold, cancelled);
                }
            } else {
                tally("left to expire");
            }
        }
    }

    /** Holds 1 to 3 random seats of a random screening; a few tries, as 409s are expected. */
    private Hold hold(Random random, String token) {
        for (int attempt = 0; attempt < 6; attempt++) {
            String screening = screenings.get(random.nextInt(screenings.size()));
            Set<String> seats = new TreeSet<>();
            int wanted = 1 + random.nextInt(3);
            while (seats.size() < wanted) {
                seats.add(randomSeat(random));
            }
            Response response = commands.post(
                    "/api/bookings", Map.of("screeningId", screening, "seats", List.copyOf(seats)), token);
            if (response.status() == 201) {
                return held(response, token);
            }
            tally("holds refused");
            if (response.status() != 409) {
                unexpected("hold " + seats, null, response);
            }
        }
        return null;
    }

    /**
     * Staff cancel the first screening while it has a paid booking and a held one, both placed
     * just before (so that both exist whatever the random run left on it), then wait until every
     * booking on it is settled: the held ones cancelled (or expired, if a hold ran out first), the
     * paid ones refunded in full.
     */
    private void cancelAScreeningWithPaidAndHeldBookings() {
        cancelledScreening = screenings.get(0);
        String payer = TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER");
        Hold paid = holdAnySeatOf(cancelledScreening, payer);
        Response payment = pay(payer, paid, "tok_success", "pay-" + UUID.randomUUID());
        assertThat(payment.status()).as(payment.raw()).isEqualTo(201);
        Hold held = holdAnySeatOf(
                cancelledScreening, TestTokens.valid(UUID.randomUUID().toString(), "CUSTOMER"));
        paidOnCancelled = paid.bookingId();
        heldOnCancelled = held.bookingId();
        Response cancelled = commands.post(
                "/api/admin/screenings/" + cancelledScreening + "/cancel", Map.of("reason", "Projector fault"), admin);
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(bookingStates(storedEvents()).values())
                        .filteredOn(booking -> booking.screeningId.equals(cancelledScreening))
                        .as("bookings of the cancelled screening not settled yet")
                        .noneMatch(booking ->
                                booking.status.equals("CONFIRMED") || booking.status.equals("AWAITING_PAYMENT")));
    }

    /**
     * Two registered viewers of a screening that starts a few seconds after it is scheduled (the
     * command side schedules nothing in the past) review its film once it has started; one review
     * is replaced, hidden and shown again, the other withdrawn and written again; and both keep
     * favourites, one removed and added again. The replay check below then covers the reviews and
     * favourites read models with real history. The viewers and their seats come before the
     * customers' run, the reviews and favourites after it ({@link #reviewsAndFavourites}).
     */
    private Reviewers reviewersWithSeats() {
        // Accounts first (hashing a password takes a while on a busy machine): the screening
        // starts seconds after it is scheduled, and its seats must be bought before that.
        List<String> tokens = new ArrayList<>();
        for (String name : List.of("Reviewer One", "Reviewer Two")) {
            String email = "reviewer-" + UUID.randomUUID() + "@test.example";
            Response registered = commands.post(
                    "/api/accounts", Map.of("email", email, "password", "reviewer-2026", "displayName", name), null);
            assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
            tokens.add(commands.post("/api/auth/login", Map.of("email", email, "password", "reviewer-2026"), null)
                    .text("accessToken"));
        }
        Instant startsAt = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        String screening = created(commands.post(
                "/api/admin/screenings",
                Map.of(
                        "filmId",
                        film,
                        "screenId",
                        screen,
                        "startsAt",
                        startsAt.toString(),
                        "prices",
                        Map.of(
                                "STANDARD", Map.of("amountMinor", 1000, "currency", CURRENCY),
                                "PREMIUM", Map.of("amountMinor", 1400, "currency", CURRENCY),
                                "COUPLE", Map.of("amountMinor", 2000, "currency", CURRENCY))),
                admin));
        for (String token : tokens) {
            Hold hold = holdAnySeatOf(screening, token);
            Response paid = pay(token, hold, "tok_success", "pay-" + UUID.randomUUID());
            assertThat(paid.status()).as(paid.raw()).isEqualTo(201);
        }
        return new Reviewers(tokens);
    }

    /** The two viewers of the screening {@link #reviewersWithSeats()} scheduled. */
    record Reviewers(List<String> tokens) {}

    private void reviewsAndFavourites(Reviewers reviewers) {
        List<String> tokens = reviewers.tokens();
        String path = "/api/films/" + film + "/review";
        String[] reviewId = new String[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    Response review = commands.put(path, Map.of("rating", 4, "text", "Balanced."), tokens.get(0));
                    reviewId[0] = review.text("reviewId");
                    return review.status() == 201;
                });
        expect(commands.put(path, Map.of("rating", 2, "text", "Unbalanced."), tokens.get(0)), 200);
        expect(commands.put(path, Map.of("rating", 5), tokens.get(1)), 201);
        expect(commands.post("/api/admin/reviews/" + reviewId[0] + "/hide", Map.of("reason", "Audit"), admin), 204);
        expect(commands.post("/api/admin/reviews/" + reviewId[0] + "/unhide", Map.of("reason", "Fine"), admin), 204);
        expect(commands.delete(path, tokens.get(1)), 204);
        expect(commands.put(path, Map.of("rating", 3, "text", "Again."), tokens.get(1)), 201);
        for (String token : tokens) {
            expect(commands.put("/api/me/favourites/films/" + film, null, token), 204);
            expect(commands.put("/api/me/favourites/locations/" + ledgerLocation, null, token), 204);
        }
        expect(commands.delete("/api/me/favourites/films/" + film, tokens.get(0)), 204);
        expect(commands.put("/api/me/favourites/films/" + film, null, tokens.get(0)), 204);
    }

    private void expect(Response response, int status) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
    }

    /** One free seat of the screening, whichever the random run left free. */
    private Hold holdAnySeatOf(String screening, String token) {
        for (String row : ROWS) {
            for (int seat = 1; seat <= SEATS_PER_ROW; seat++) {
                Response response = commands.post(
                        "/api/bookings", Map.of("screeningId", screening, "seats", List.of(row + seat)), token);
                if (response.status() == 201) {
                    return held(response, token);
                }
                assertThat(response.status()).as(response.raw()).isEqualTo(409);
            }
        }
        throw new AssertionError("No free seat left on screening " + screening);
    }

    private Hold held(Response response, String token) {
        tally("holds");
        Hold hold = Hold.of(response.body());
        customerTokens.put(hold.bookingId(), token);
        return hold;
    }

    /** Adds a seat, or swaps one, before paying; a seat taken meanwhile is a 409. */
    private Hold changeSeats(Random random, String token, Hold hold) {
        Map<String, Object> change = hold.seats.size() > 1 && random.nextBoolean()
                ? Map.of("add", List.of(randomSeat(random)), "remove", List.of(hold.seats.get(0)))
                : Map.of("add", List.of(randomSeat(random)));
        Response response = commands.post("/api/bookings/" + hold.bookingId + "/seats", change, token);
        if (response.status() == 200) {
            tally("seat changes");
            return Hold.of(response.body());
        }
        if (response.status() != 409) {
            unexpected("change seats " + change, hold, response);
        }
        return hold;
    }

    /** Pays; once paid, maybe replays the request and returns some or all seats. True when paid. */
    private boolean payAndMaybeReturn(Random random, String token, Hold hold, String method) {
        String key = "pay-" + UUID.randomUUID();
        Response paid = pay(token, hold, method, key);
        if (paid.status() == 402) {
            return false;
        }
        if (paid.status() != 201) {
            if (paid.status() != 409) {
                unexpected("pay with " + method, hold, paid);
            }
            return false;
        }
        if (paid.body().at("/amount/amountMinor").asLong() != hold.total) {
            unexpected("pay " + hold.total + " with " + method, hold, paid);
        }
        if (random.nextInt(4) == 0) {
            tally("replays");
            Response again = pay(token, hold, method, key);
            if (again.status() != 201 || !paid.text("paymentId").equals(again.text("paymentId"))) {
                unexpected("replay of payment " + paid.text("paymentId"), hold, again);
            }
        }
        int choice = random.nextInt(100);
        if (choice < 25) {
            returnSeats(hold, token, List.of(), hold.seats);
            if (random.nextInt(3) == 0) {
                Response again = commands.post("/api/bookings/" + hold.bookingId + "/refunds", null, token);
                if (again.status() != 409) {
                    unexpected("refund of a refunded booking", hold, again);
                }
            }
        } else if (choice < 60 && hold.seats.size() > 1) {
            List<String> shuffled = new ArrayList<>(hold.seats);
            Collections.shuffle(shuffled, random);
            List<String> some = shuffled.subList(0, 1 + random.nextInt(hold.seats.size() - 1));
            returnSeats(hold, token, some, some);
            tally("partial refunds");
            List<String> rest = shuffled.subList(some.size(), shuffled.size());
            if (random.nextBoolean()) {
                // The rest, either by naming them or by asking for everything that is left.
                returnSeats(hold, token, random.nextBoolean() ? rest : List.of(), rest);
            }
        }
        return true;
    }

    private void returnSeats(Hold hold, String token, List<String> asked, List<String> expected) {
        Response refund = commands.post(
                "/api/bookings/" + hold.bookingId + "/refunds", asked.isEmpty() ? null : Map.of("seats", asked), token);
        long share = expected.stream().mapToLong(hold.prices::get).sum();
        if (refund.status() == 201
                && refund.body().at("/amount/amountMinor").asLong() == share
                && refund.text("percent").equals("100")) {
            tally("refunds");
        } else {
            unexpected("refund of " + expected + " worth " + share, hold, refund);
        }
    }

    private Response pay(String token, Hold hold, String method, String key) {
        tally("payments");
        Response response = commands.postWithHeaders(
                "/api/bookings/" + hold.bookingId + "/payments",
                Map.of("paymentMethod", method),
                token,
                Map.of("Idempotency-Key", key));
        if (response.status() == 201) {
            tally("captured");
        } else if (response.status() == 402) {
            tally("declines");
        }
        return response;
    }

    private static String randomSeat(Random random) {
        return ROWS.get(random.nextInt(ROWS.size())) + (1 + random.nextInt(SEATS_PER_ROW));
    }

    /** A hold as the command side answered it: the booking, its seats and what each costs. */
    record Hold(String bookingId, List<String> seats, Map<String, Long> prices, long total) {

        static Hold of(JsonNode body) {
            List<String> seats = new ArrayList<>();
            Map<String, Long> prices = new HashMap<>();
            body.get("seats").forEach(seat -> {
                seats.add(seat.get("seat").asText());
                prices.put(
                        seat.get("seat").asText(), seat.at("/price/amountMinor").asLong());
            });
            return new Hold(
                    body.get("bookingId").asText(),
                    seats,
                    prices,
                    body.at("/total/amountMinor").asLong());
        }
    }

    private void tally(String what) {
        counts.computeIfAbsent(what, w -> new AtomicInteger()).incrementAndGet();
    }

    private int count(String what) {
        AtomicInteger counter = counts.get(what);
        return counter == null ? 0 : counter.get();
    }

    private void unexpected(String what, Hold hold, Response response) {
        unexpected.add(what + (hold == null ? "" : " of booking " + hold.bookingId) + ": HTTP " + response.status()
                + " " + response.raw());
    }

    // ---------------------------------------------------------------- quiet, and the event store

    /**
     * Every hold has ended (paid, cancelled or expired), the command side's own processors (the
     * alert policy) have handled every event, and the query side has read every event.
     */
    private void awaitQuiet() {
        JdbcTemplate jdbc = system.command().getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(bookingStates(storedEvents()).values())
                        .as("bookings still awaiting payment")
                        .noneMatch(booking -> booking.status.equals("AWAITING_PAYMENT")));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    Long last = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
                    system.command()
                            .getBean(EventProcessingConfiguration.class)
                            .eventProcessors()
                            .forEach((name, processor) -> {
                                if (processor instanceof StreamingEventProcessor streaming) {
                                    streaming.processingStatus().values().forEach(segment -> {
                                        assertThat(segment.getError()).as(name).isNull();
                                        assertThat(segment.getCurrentPosition().orElse(-1))
                                                .as(name + " position")
                                                .isGreaterThanOrEqualTo(last);
                                    });
                                }
                            });
                });
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    Long last = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
                    Response status = queries.get("/api/ops/processors", analyst);
                    assertThat(status.status()).as(status.raw()).isEqualTo(200);
                    assertThat(status.body()).isNotEmpty();
                    for (JsonNode processor : status.body()) {
                        assertThat(processor.get("error").asBoolean())
                                .as(status.raw())
                                .isFalse();
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

    private List<StoredEvent> storedEvents() {
        JdbcTemplate jdbc = system.command().getBean(JdbcTemplate.class);
        return jdbc.query(
                "select global_index, aggregate_identifier, payload_type, time_stamp, payload "
                        + "from domain_event_entry order by global_index",
                (row, i) -> {
                    try {
                        return new StoredEvent(
                                row.getLong(1),
                                row.getString(2),
                                row.getString(3),
                                Instant.parse(row.getString(4)),
                                JsonHttp.MAPPER.readTree(new String(row.getBytes(5), StandardCharsets.UTF_8)));
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    /** One stored event; {@code type} is the payload class's simple name. */
    record StoredEvent(long globalIndex, String aggregate, String type, Instant at, JsonNode payload) {

        StoredEvent {
            type = type.substring(type.lastIndexOf('.') + 1);
        }

        boolean is(String simpleName) {
            return type.equals(simpleName);
        }

        String id(String field) {
            JsonNode node = payload.get(field);
            return node == null || node.isNull()
                    ? null
                    : node.isObject() ? node.get("value").asText() : node.asText();
        }

        long minor(String field) {
            JsonNode money = payload.get(field);
            assertThat(money.get("currency").asText()).isEqualTo(CURRENCY);
            return money.get("amountMinor").asLong();
        }

        /** The event without the ids every event of a booking repeats: what changed, and by how much. */
        @Override
        public String toString() {
            com.fasterxml.jackson.databind.node.ObjectNode shown = payload.deepCopy();
            shown.remove(List.of("bookingId", "screeningId", "customerId"));
            return "  #" + globalIndex + " " + type + " " + shown;
        }
    }

    /** A booking as its own events leave it. */
    static final class BookingState {
        final String bookingId;
        final String screeningId;
        String status = "AWAITING_PAYMENT";
        Map<String, Long> seats = new TreeMap<>();
        /** Seats given back, at the price they were bought at. */
        Map<String, Long> returned = new TreeMap<>();

        BookingState(String bookingId, String screeningId) {
            this.bookingId = bookingId;
            this.screeningId = screeningId;
        }

        long price() {
            return seats.values().stream().mapToLong(Long::longValue).sum();
        }

        void seats(JsonNode list) {
            seats = prices(list);
        }

        void returnSeats(JsonNode labels, JsonNode remaining) {
            labels.forEach(label -> returned.put(label.asText(), seats.get(label.asText())));
            seats(remaining);
        }
    }

    /** Seat label to price, as a list of seats with prices is written; null when there is no list. */
    static Map<String, Long> prices(JsonNode list) {
        if (list == null || list.isNull()) {
            return null;
        }
        Map<String, Long> prices = new TreeMap<>();
        list.forEach(seat -> prices.put(
                seat.get("seat").asText(), seat.at("/price/amountMinor").asLong()));
        return prices;
    }

    private static void differ(String what, Object fromTheStore, Object seen, List<String> differences) {
        if (!Objects.equals(fromTheStore, seen)) {
            differences.add(what + ": the event store says " + fromTheStore + ", the customer sees " + seen);
        }
    }

    private static Map<String, BookingState> bookingStates(List<StoredEvent> events) {
        Map<String, BookingState> states = new LinkedHashMap<>();
        for (StoredEvent event : events) {
            if (!event.type.startsWith("Booking")) {
                continue;
            }
            String id = event.id("bookingId");
            if (event.is("BookingPlacedEvent")) {
                BookingState state = new BookingState(id, event.id("screeningId"));
                state.seats(event.payload.get("seats"));
                states.put(id, state);
                continue;
            }
            BookingState state = states.get(id);
            switch (event.type) {
                case "BookingSeatsChangedEvent" -> state.seats(event.payload.get("seats"));
                case "BookingSeatsReturnedEvent" ->
                    state.returnSeats(event.payload.get("seats"), event.payload.get("remaining"));
                case "BookingConfirmedEvent" -> state.status = "CONFIRMED";
                case "BookingRefundedEvent" -> state.status = "REFUNDED";
                case "BookingCancelledEvent" -> state.status = "CANCELLED";
                case "BookingExpiredEvent" -> state.status = "EXPIRED";
                default -> {}
            }
        }
        return states;
    }

    /** The money of one booking's payments, from the payment events. */
    static final class Ledger {
        long captured;
        long refunded;
        int requested;
        int refunds;

        long net() {
            return captured - refunded;
        }
    }

    private static Map<String, Ledger> ledgers(List<StoredEvent> events) {
        Map<String, Ledger> ledgers = new HashMap<>();
        for (StoredEvent event : events) {
            switch (event.type) {
                case "PaymentRequestedEvent" ->
                    ledgers.computeIfAbsent(event.id("bookingId"), b -> new Ledger()).requested++;
                case "PaymentCapturedEvent" ->
                    ledgers.computeIfAbsent(event.id("bookingId"), b -> new Ledger()).captured += event.minor("amount");
                case "PaymentRefundedEvent" -> {
                    Ledger ledger = ledgers.computeIfAbsent(event.id("bookingId"), b -> new Ledger());
                    ledger.refunded += event.minor("amount");
                    ledger.refunds++;
                }
                default -> {}
            }
        }
        return ledgers;
    }

    /** Every event that names the booking, the ones that make the case. */
    private String history(String bookingId) {
        return events.stream()
                .filter(event -> bookingId.equals(event.id("bookingId")))
                .map(StoredEvent::toString)
                .collect(Collectors.joining("\n"));
    }

    // ---------------------------------------------------------------- replay

    /** Every table of schema read_model, lower case (H2 reports upper case names). */
    private static Set<String> readModelTables(JdbcTemplate jdbc) {
        return new TreeSet<>(jdbc.queryForList(
                "select lower(table_name) from information_schema.tables"
                        + " where lower(table_schema) = 'read_model' and table_type = 'BASE TABLE'",
                String.class));
    }

    /** Every row of each table as text (column by column), sorted, and a SHA-256 of them. */
    private static Map<String, TableContent> contents(JdbcTemplate jdbc, String schema, List<String> tables) {
        Map<String, TableContent> contents = new TreeMap<>();
        for (String table : tables) {
            List<String> rows = jdbc.query("select * from " + schema + "." + table, (row, i) -> {
                StringBuilder line = new StringBuilder();
                int columns = row.getMetaData().getColumnCount();
                for (int c = 1; c <= columns; c++) {
                    line.append(row.getMetaData().getColumnLabel(c).toLowerCase(Locale.ROOT))
                            .append('=')
                            .append(row.getString(c))
                            .append(c < columns ? "|" : "");
                }
                return line.toString();
            });
            Collections.sort(rows);
            contents.put(table, new TableContent(table, rows, sha256(rows)));
        }
        return contents;
    }

    record TableContent(String table, List<String> rows, String hash) {

        /** Which rows only the live table has, and which only the replayed one, a few of each. */
        String difference(String processor, TableContent replayed) {
            List<String> onlyLive = new ArrayList<>(rows);
            onlyLive.removeAll(replayed.rows);
            List<String> onlyReplayed = new ArrayList<>(replayed.rows);
            onlyReplayed.removeAll(rows);
            return String.format(
                    "%s: read_model.%s differs (live %d rows %s, replayed %d rows %s); only live: %s; only replayed: %s",
                    processor,
                    table,
                    rows.size(),
                    hash,
                    replayed.rows.size(),
                    replayed.hash,
                    onlyLive.stream().limit(5).toList(),
                    onlyReplayed.stream().limit(5).toList());
        }
    }

    private static String sha256(List<String> rows) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            rows.forEach(row -> digest.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- the catalogue

    /** A 5 x 8 screen (standard, premium and couple rows at odd prices), 2+ days ahead, stranded-seat rule off. */
    private String screening(int index) {
        if (screenings.isEmpty()) {
            String location = created(commands.post("/api/admin/locations", Map.of("name", "Ledger"), admin));
            ledgerLocation = location;
            String cinema = created(commands.post(
                    "/api/admin/cinemas",
                    Map.of(
                            "locationId",
                            location,
                            "name",
                            "Ledger Hall",
                            "timeZone",
                            "UTC",
                            "address",
                            Map.of("street", "1 Till Lane", "city", "Leeds", "postalCode", "LS1 4AP", "country", "GB")),
                    admin));
            assertThat(commands.put(
                                    "/api/admin/cinemas/" + cinema + "/seating-policy",
                                    Map.of("preventStrandedSeats", false),
                                    admin)
                            .status())
                    .isEqualTo(204);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (String row : ROWS) {
                String type = row.compareTo("C") < 0 ? "STANDARD" : row.compareTo("E") < 0 ? "PREMIUM" : "COUPLE";
                List<Map<String, Object>> cells = new ArrayList<>();
                for (int s = 1; s <= SEATS_PER_ROW; s++) {
                    cells.add(Map.of("kind", "SEAT", "number", String.valueOf(s), "type", type));
                }
                rows.add(Map.of("label", row, "cells", cells));
            }
            screen = created(commands.post(
                    "/api/admin/screens",
                    Map.of("cinemaId", cinema, "name", "Till", "format", "TWO_D", "layout", Map.of("rows", rows)),
                    admin));
            film = created(commands.post(
                    "/api/admin/films",
                    Map.of(
                            "title",
                            "Balance Sheet",
                            "runtimeMinutes",
                            95,
                            "ageRating",
                            "PG",
                            "genres",
                            List.of("DRAMA"),
                            "releaseDate",
                            "2026-01-02"),
                    admin));
        }
        return created(commands.post(
                "/api/admin/screenings",
                Map.of(
                        "filmId",
                        film,
                        "screenId",
                        screen,
                        "startsAt",
                        Instant.now()
                                .plus(2 + index, ChronoUnit.DAYS)
                                .truncatedTo(ChronoUnit.HOURS)
                                .toString(),
                        "prices",
                        Map.of(
                                "STANDARD", Map.of("amountMinor", 1155 + 10 * index, "currency", CURRENCY),
                                "PREMIUM", Map.of("amountMinor", 1577 + 10 * index, "currency", CURRENCY),
                                "COUPLE", Map.of("amountMinor", 2333 + 10 * index, "currency", CURRENCY))),
                admin));
    }

    private String screen;
    private String film;
    private String ledgerLocation;

    private static String created(Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.text("id");
    }
}
