package dev.cinema.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingConfirmedEvent;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.BookingPlacedEvent;
import dev.cinema.contracts.booking.BookingSeatsChangedEvent;
import dev.cinema.contracts.booking.BookingSeatsReturnedEvent;
import dev.cinema.contracts.booking.ReleaseReason;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.booking.SeatsHeldEvent;
import dev.cinema.contracts.booking.SeatsReleasedEvent;
import dev.cinema.contracts.booking.SeatsSoldEvent;
import dev.cinema.contracts.catalogue.cinema.Address;
import dev.cinema.contracts.catalogue.cinema.CinemaCreatedEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaId;
import dev.cinema.contracts.catalogue.film.AgeRating;
import dev.cinema.contracts.catalogue.film.FilmCreatedEvent;
import dev.cinema.contracts.catalogue.film.FilmId;
import dev.cinema.contracts.catalogue.film.Genre;
import dev.cinema.contracts.catalogue.location.LocationCreatedEvent;
import dev.cinema.contracts.catalogue.location.LocationId;
import dev.cinema.contracts.catalogue.screen.ScreenCreatedEvent;
import dev.cinema.contracts.catalogue.screen.ScreenFormat;
import dev.cinema.contracts.catalogue.screen.ScreenId;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.catalogue.screening.ScreeningCancelledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.catalogue.screening.ScreeningRescheduledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningScheduledEvent;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentId;
import dev.cinema.contracts.payment.RefundApprovedEvent;
import dev.cinema.contracts.payment.RefundCompletedEvent;
import dev.cinema.contracts.payment.RefundFailedEvent;
import dev.cinema.contracts.payment.RefundId;
import dev.cinema.contracts.payment.RefundRejectedEvent;
import dev.cinema.contracts.payment.RefundRequestedEvent;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.TestKeys;
import dev.cinema.platform.testsupport.TestTokens;
import dev.cinema.query.QuerySideApplication;
import dev.cinema.query.testing.EventFeed;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Analysts' reports over the query API, fed with events written straight into the shared event
 * store as the command side would, with the instants each happened at: sales, occupancy and
 * refunds grouped by day (in the cinema's own zone), film, cinema and location, per currency, as
 * JSON and CSV; events delivered again counted once; refused input and roles; and a projection that
 * backfills from the first event, answering 503 with its progress until it has caught up and the
 * full figures after, never an empty or partial report. Each test uses a month of its own, so that
 * the tests sharing this database do not see each other's facts. Runs on H2 and PostgreSQL.
 */
@SpringBootTest(
        classes = QuerySideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = QuerySideApplication.CONFIG_NAME)
@ContextConfiguration(initializers = TestKeys.class)
abstract class AnalyticsApiIntegrationTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EntityManager entityManager;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    AnalyticsReadiness readiness;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SalesProjection sales;

    @Autowired
    OccupancyProjection occupancy;

    @Autowired
    RefundProjection refunds;

    JsonHttp http;
    EventFeed events;
    final String analyst = TestTokens.valid(AccountId.random().value(), "CUSTOMER", "ANALYST");

    @BeforeEach
    void connect() {
        http = JsonHttp.localhost(port);
        events = new EventFeed(eventStore, transactions);
    }

    // ---------------------------------------------------------------- sales

    @Test
    void salesAreCountedOnTheLocalDayOfThePaymentPerGroupAndCurrency() {
        Shop shop = new Shop();
        String kanto = shop.location("Kanto");
        String lisboa = shop.location("Lisboa");
        String shinjuku = shop.cinema(kanto, "Shinjuku Hall", TOKYO);
        String lumiar = shop.cinema(lisboa, "Cinema Lumiar", LISBON);
        String belem = shop.cinema(lisboa, "Cinema Belém", LISBON);
        String nightTrain = shop.film("Night Train");
        String blueHour = shop.film("Blue Hour");
        String tokyoNight = shop.screening(shinjuku, nightTrain, at("2024-01-20T10:00:00Z"));
        String lumiarBlue = shop.screening(lumiar, blueHour, at("2024-01-20T19:00:00Z"));
        String belemNight = shop.screening(belem, nightTrain, at("2024-01-20T21:00:00Z"));

        // 23:30 in UTC is 08:30 the next morning in Tokyo: a sale of 11 January there.
        shop.sell(tokyoNight, List.of("A1", "A2"), Money.of(3600, "JPY"), at("2024-01-10T23:30:00Z"));
        Sale returned = shop.sell(lumiarBlue, List.of("A1"), Money.of(1200, "EUR"), at("2024-01-10T12:00:00Z"));
        shop.sell(belemNight, List.of("B1", "B2", "B3"), Money.of(5400, "EUR"), at("2024-01-11T10:00:00Z"));
        shop.sell(lumiarBlue, List.of("B1", "B2"), Money.of(3000, "GBP"), at("2024-01-10T20:00:00Z"));
        // Placed with one seat, changed to two before paying: the seats paid for count.
        Sale changed = shop.place(lumiarBlue, List.of("A2"), Money.of(1500, "EUR"), at("2024-01-10T20:50:00Z"));
        changed = shop.change(changed, List.of("A2", "B3"), Money.of(3000, "EUR"), at("2024-01-10T20:55:00Z"));
        shop.confirm(changed, at("2024-01-10T21:00:00Z"));
        // Never paid: no sale. Paid after the period: not in it.
        shop.place(tokyoNight, List.of("B1"), Money.of(1800, "JPY"), at("2024-01-10T10:00:00Z"));
        shop.sell(tokyoNight, List.of("B2"), Money.of(1800, "JPY"), at("2024-01-25T10:00:00Z"));
        // A return takes no sale back: sales are gross.
        shop.refund(returned, List.of("A1"), Money.of(1200, "EUR"), at("2024-01-11T09:00:00Z"), Outcome.COMPLETED);

        String period = "from=2024-01-10&to=2024-01-12";
        assertThat(awaitRows("/api/analytics/sales?" + period, Row::sales, 4))
                .containsExactly(
                        "2024-01-10|2024-01-10|EUR|2|3|4200",
                        "2024-01-10|2024-01-10|GBP|1|2|3000",
                        "2024-01-11|2024-01-11|EUR|1|3|5400",
                        "2024-01-11|2024-01-11|JPY|1|2|3600");
        JsonNode byDay = get("/api/analytics/sales?" + period + "&groupBy=day").body();
        assertThat(byDay.get("from").asText()).isEqualTo("2024-01-10");
        assertThat(byDay.get("to").asText()).isEqualTo("2024-01-12");
        assertThat(byDay.get("groupBy").asText()).isEqualTo("day");
        assertThat(byDay.at("/rows/0/gross/amountMinor").asLong()).isEqualTo(4200);
        assertThat(byDay.at("/rows/0/gross/currency").asText()).isEqualTo("EUR");

        assertThat(rows("/api/analytics/sales?" + period + "&groupBy=film", Row::sales))
                .containsExactly(
                        blueHour + "|Blue Hour|EUR|2|3|4200",
                        blueHour + "|Blue Hour|GBP|1|2|3000",
                        nightTrain + "|Night Train|EUR|1|3|5400",
                        nightTrain + "|Night Train|JPY|1|2|3600");
        assertThat(rows("/api/analytics/sales?" + period + "&groupBy=cinema", Row::sales))
                .containsExactly(
                        belem + "|Cinema Belém|EUR|1|3|5400",
                        lumiar + "|Cinema Lumiar|EUR|2|3|4200",
                        lumiar + "|Cinema Lumiar|GBP|1|2|3000",
                        shinjuku + "|Shinjuku Hall|JPY|1|2|3600");
        assertThat(rows("/api/analytics/sales?" + period + "&groupBy=location", Row::sales))
                .containsExactly(
                        kanto + "|Kanto|JPY|1|2|3600",
                        lisboa + "|Lisboa|EUR|3|6|9600",
                        lisboa + "|Lisboa|GBP|1|2|3000");

        // Instants select by the instant of the payment; each sale is still shown on its local day.
        assertThat(rows("/api/analytics/sales?from=2024-01-10T00:00:00Z&to=2024-01-11T00:00:00Z", Row::sales))
                .containsExactly(
                        "2024-01-10|2024-01-10|EUR|2|3|4200",
                        "2024-01-10|2024-01-10|GBP|1|2|3000",
                        "2024-01-11|2024-01-11|JPY|1|2|3600");
        assertThat(rows("/api/analytics/sales?from=2024-01-12&to=2024-01-20", Row::sales))
                .as("a period without sales is an empty report, once caught up")
                .isEmpty();
    }

    // ---------------------------------------------------------------- occupancy

    @Test
    void occupancyIsTheSeatsSoldNowAgainstCapacityOnTheLocalDayOfTheStart() {
        Shop shop = new Shop();
        String kanto = shop.location("Kanto");
        String lisboa = shop.location("Lisboa");
        String shinjuku = shop.cinema(kanto, "Shinjuku Hall", TOKYO);
        String lumiar = shop.cinema(lisboa, "Cinema Lumiar", LISBON);
        String nightTrain = shop.film("Night Train");
        String blueHour = shop.film("Blue Hour");
        String lastReel = shop.film("Last Reel");

        // 16:00 UTC is 01:00 the next day in Tokyo. Three seats sold, one returned: two sold now.
        String late = shop.screening(shinjuku, nightTrain, at("2024-02-10T16:00:00Z"));
        Sale twoSeats = shop.sell(late, List.of("A1", "A2"), Money.of(3600, "JPY"), at("2024-02-01T10:00:00Z"));
        shop.sell(late, List.of("B1"), Money.of(1800, "JPY"), at("2024-02-01T11:00:00Z"));
        shop.refund(twoSeats, List.of("A2"), Money.of(1800, "JPY"), at("2024-02-02T10:00:00Z"), Outcome.COMPLETED);
        // Sold out.
        String full = shop.screening(lumiar, blueHour, at("2024-02-10T19:00:00Z"));
        shop.sell(full, List.of("A1", "A2", "B1"), Money.of(4200, "EUR"), at("2024-02-01T12:00:00Z"));
        shop.sell(full, List.of("B2", "B3"), Money.of(3600, "EUR"), at("2024-02-01T13:00:00Z"));
        // Cancelled by the cinema: its sold seats are released by the settlement.
        String cancelled = shop.screening(lumiar, lastReel, at("2024-02-10T21:00:00Z"));
        Sale settled = shop.sell(cancelled, List.of("A1", "A2"), Money.of(2400, "EUR"), at("2024-02-01T14:00:00Z"));
        events.publish(
                cancelled,
                new ScreeningCancelledEvent(ScreeningId.of(cancelled), shop.screenOf(cancelled), "Projector broken"),
                at("2024-02-05T10:00:00Z"));
        shop.refund(settled, List.of("A1", "A2"), Money.of(2400, "EUR"), at("2024-02-05T10:00:01Z"), Outcome.COMPLETED);
        // Held, never sold; and moved from the 10th to the 12th.
        String moved = shop.screening(lumiar, blueHour, at("2024-02-10T09:00:00Z"));
        shop.place(moved, List.of("B1"), Money.of(1800, "EUR"), at("2024-02-01T15:00:00Z"));
        Instant newStart = at("2024-02-12T09:00:00Z");
        events.publish(
                moved,
                new ScreeningRescheduledEvent(
                        ScreeningId.of(moved), shop.screenOf(moved), newStart, newStart.plus(Duration.ofMinutes(104))),
                at("2024-02-03T10:00:00Z"));
        // After the period.
        shop.sell(
                shop.screening(shinjuku, nightTrain, at("2024-02-20T10:00:00Z")),
                List.of("A1"),
                Money.of(1800, "JPY"),
                at("2024-02-01T16:00:00Z"));

        String period = "from=2024-02-10&to=2024-02-13";
        assertThat(awaitRows("/api/analytics/occupancy?" + period, Row::occupancy, 3))
                .containsExactly(
                        "2024-02-10|2024-02-10|1|1|5|5|100.0",
                        "2024-02-11|2024-02-11|1|0|2|5|40.0",
                        "2024-02-12|2024-02-12|1|0|0|5|0.0");
        awaitRows("/api/analytics/occupancy?" + period + "&groupBy=day", Row::occupancy, 3);
        assertThat(rows("/api/analytics/occupancy?" + period + "&groupBy=film", Row::occupancy))
                .containsExactly(
                        blueHour + "|Blue Hour|2|0|5|10|50.0",
                        lastReel + "|Last Reel|0|1|0|0|null",
                        nightTrain + "|Night Train|1|0|2|5|40.0");
        assertThat(rows("/api/analytics/occupancy?" + period + "&groupBy=cinema", Row::occupancy))
                .containsExactly(lumiar + "|Cinema Lumiar|2|1|5|10|50.0", shinjuku + "|Shinjuku Hall|1|0|2|5|40.0");
        assertThat(rows("/api/analytics/occupancy?" + period + "&groupBy=location", Row::occupancy))
                .containsExactly(kanto + "|Kanto|1|0|2|5|40.0", lisboa + "|Lisboa|2|1|5|10|50.0");
        // Instants select by the start: the Tokyo screening starts on the 10th in UTC.
        assertThat(rows(
                        "/api/analytics/occupancy?from=2024-02-10T12:00:00Z&to=2024-02-11T00:00:00Z&groupBy=cinema",
                        Row::occupancy))
                .containsExactly(lumiar + "|Cinema Lumiar|1|1|5|5|100.0", shinjuku + "|Shinjuku Hall|1|0|2|5|40.0");
    }

    // ---------------------------------------------------------------- refunds

    @Test
    void refundsAreCountedWhenCompletedOrElseWhenRequestedPerGroupAndCurrency() {
        Shop shop = new Shop();
        String kanto = shop.location("Kanto");
        String lisboa = shop.location("Lisboa");
        String shinjuku = shop.cinema(kanto, "Shinjuku Hall", TOKYO);
        String lumiar = shop.cinema(lisboa, "Cinema Lumiar", LISBON);
        String nightTrain = shop.film("Night Train");
        String blueHour = shop.film("Blue Hour");
        String tokyo = shop.screening(shinjuku, nightTrain, at("2024-03-30T10:00:00Z"));
        String lisbon = shop.screening(lumiar, blueHour, at("2024-03-30T19:00:00Z"));
        Instant sold = at("2024-03-01T10:00:00Z");
        Sale yen = shop.sell(tokyo, List.of("A1", "A2"), Money.of(3600, "JPY"), sold);
        Sale euros = shop.sell(lisbon, List.of("A1", "B1"), Money.of(3000, "EUR"), sold);
        Sale failing = shop.sell(lisbon, List.of("A2"), Money.of(1200, "EUR"), sold);
        Sale tooLate = shop.sell(lisbon, List.of("B2"), Money.of(1200, "EUR"), sold);
        Sale pounds = shop.sell(lisbon, List.of("B3"), Money.of(1500, "GBP"), sold);

        // 23:30 UTC: the 11th in Tokyo.
        shop.refund(yen, List.of("A1"), Money.of(1800, "JPY"), at("2024-03-10T23:30:00Z"), Outcome.COMPLETED);
        shop.refund(euros, List.of("A1", "B1"), Money.of(3000, "EUR"), at("2024-03-10T12:00:00Z"), Outcome.COMPLETED);
        shop.refund(failing, List.of("A2"), Money.of(1200, "EUR"), at("2024-03-10T13:00:00Z"), Outcome.FAILED);
        shop.refund(tooLate, List.of("B2"), Money.of(0, "EUR"), at("2024-03-10T14:00:00Z"), Outcome.REJECTED);
        shop.refund(pounds, List.of("B3"), Money.of(1500, "GBP"), at("2024-03-11T09:00:00Z"), Outcome.PENDING);
        // Requested on the 10th (19:00 in Tokyo), failed, completed on the 12th (01:00 in Tokyo):
        // counted on the day it completed.
        String retried =
                shop.refund(yen, List.of("A2"), Money.of(1800, "JPY"), at("2024-03-10T10:00:00Z"), Outcome.FAILED);
        shop.complete(retried, yen, Money.of(1800, "JPY"), at("2024-03-11T16:00:00Z"));

        String period = "from=2024-03-10&to=2024-03-13";
        assertThat(awaitRows("/api/analytics/refunds?" + period, Row::refunds, 4))
                .containsExactly(
                        "2024-03-10|2024-03-10|EUR|1|2|3000|0|1|1",
                        "2024-03-11|2024-03-11|GBP|0|0|0|1|0|0",
                        "2024-03-11|2024-03-11|JPY|1|1|1800|0|0|0",
                        "2024-03-12|2024-03-12|JPY|1|1|1800|0|0|0");
        JsonNode report = get("/api/analytics/refunds?" + period).body();
        assertThat(report.at("/rows/0/refunded/amountMinor").asLong()).isEqualTo(3000);
        assertThat(report.at("/rows/0/refunded/currency").asText()).isEqualTo("EUR");
        assertThat(rows("/api/analytics/refunds?" + period + "&groupBy=film", Row::refunds))
                .containsExactly(
                        blueHour + "|Blue Hour|EUR|1|2|3000|0|1|1",
                        blueHour + "|Blue Hour|GBP|0|0|0|1|0|0",
                        nightTrain + "|Night Train|JPY|2|2|3600|0|0|0");
        assertThat(rows("/api/analytics/refunds?" + period + "&groupBy=cinema", Row::refunds))
                .containsExactly(
                        lumiar + "|Cinema Lumiar|EUR|1|2|3000|0|1|1",
                        lumiar + "|Cinema Lumiar|GBP|0|0|0|1|0|0",
                        shinjuku + "|Shinjuku Hall|JPY|2|2|3600|0|0|0");
        assertThat(rows("/api/analytics/refunds?" + period + "&groupBy=location", Row::refunds))
                .containsExactly(
                        kanto + "|Kanto|JPY|2|2|3600|0|0|0",
                        lisboa + "|Lisboa|EUR|1|2|3000|0|1|1",
                        lisboa + "|Lisboa|GBP|0|0|0|1|0|0");
        assertThat(rows("/api/analytics/refunds?from=2024-03-10T00:00:00Z&to=2024-03-11T00:00:00Z", Row::refunds))
                .containsExactly(
                        "2024-03-10|2024-03-10|EUR|1|2|3000|0|1|1", "2024-03-11|2024-03-11|JPY|1|1|1800|0|0|0");
    }

    // ---------------------------------------------------------------- at least once

    @Test
    void eventsDeliveredAgainAreCountedOnce() {
        String location = LocationId.random().value();
        String cinema = CinemaId.random().value();
        String film = FilmId.random().value();
        ScreeningId screening = ScreeningId.random();
        BookingId booking = BookingId.random();
        AccountId customer = AccountId.random();
        PaymentId payment = PaymentId.random();
        RefundId refund = RefundId.random();
        Money total = Money.of(3000, "EUR");
        List<SeatPrice> seats = prices(List.of("A1", "A2"), total);
        Instant paidAt = at("2024-04-10T18:00:00Z");
        Instant refundedAt = at("2024-04-11T18:00:00Z");
        ScreeningScheduledEvent scheduled = new ScreeningScheduledEvent(
                screening,
                FilmId.of(film),
                ScreenId.random(),
                CinemaId.of(cinema),
                at("2024-04-12T18:00:00Z"),
                at("2024-04-12T20:00:00Z"),
                EventFeed.LAYOUT,
                EventFeed.PRICES,
                true);
        LocationCreatedEvent locationCreated = new LocationCreatedEvent(LocationId.of(location), "Porto");
        CinemaCreatedEvent cinemaCreated = new CinemaCreatedEvent(
                CinemaId.of(cinema),
                LocationId.of(location),
                "Batalha",
                new Address("Praça da Batalha 47", "Porto", "4000-101", "PT"),
                LISBON);
        FilmCreatedEvent filmCreated = film(FilmId.of(film), "Twice Told");
        BookingPlacedEvent placed =
                new BookingPlacedEvent(booking, screening, customer, seats, total, paidAt.plus(Duration.ofMinutes(10)));
        BookingConfirmedEvent confirmed = new BookingConfirmedEvent(booking, screening, payment, total);
        SeatsSoldEvent sold = new SeatsSoldEvent(screening, booking, List.of("A1", "A2"));
        SeatsReleasedEvent released = new SeatsReleasedEvent(screening, booking, List.of("A1"), ReleaseReason.REFUNDED);
        Money back = Money.of(1500, "EUR");
        RefundRequestedEvent requested =
                new RefundRequestedEvent(refund, booking, payment, customer, List.of("A1"), back, 100, back);
        RefundApprovedEvent approved = new RefundApprovedEvent(refund, booking, back);
        RefundCompletedEvent completed = new RefundCompletedEvent(refund, booking, payment, customer, back, "re-1");
        // The projections are driven directly: at-least-once delivery means any event may come again.
        Runnable foldAll = () -> transactions.executeWithoutResult(status -> {
            for (AnalyticsProjection<?> projection : List.of(sales, occupancy, refunds)) {
                projection.on(locationCreated, 0);
                projection.on(cinemaCreated, 0);
                projection.on(filmCreated, 0);
            }
            sales.on(scheduled);
            occupancy.on(scheduled, 0);
            refunds.on(scheduled);
            sales.on(placed, 0);
            refunds.on(placed);
            sales.on(confirmed, 1, paidAt);
            occupancy.on(sold, 2);
            refunds.on(requested, 0, refundedAt);
            refunds.on(approved, 1);
            refunds.on(completed, 2, refundedAt);
            occupancy.on(released, 3);
        });
        String period = "from=2024-04-01&to=2024-05-01&groupBy=cinema";
        foldAll.run();
        List<String> salesOnce = rows("/api/analytics/sales?" + period, Row::sales);
        List<String> occupancyOnce = rows("/api/analytics/occupancy?" + period, Row::occupancy);
        List<String> refundsOnce = rows("/api/analytics/refunds?" + period, Row::refunds);

        foldAll.run();
        // Older events again after newer ones: the sale after the release, the approval after the completion.
        transactions.executeWithoutResult(status -> {
            occupancy.on(sold, 2);
            refunds.on(approved, 1);
            refunds.on(requested, 0, refundedAt.minus(Duration.ofDays(3)));
            sales.on(placed, 0);
        });

        assertThat(salesOnce).containsExactly(cinema + "|Batalha|EUR|1|2|3000");
        assertThat(occupancyOnce).containsExactly(cinema + "|Batalha|1|0|1|5|20.0");
        assertThat(refundsOnce).containsExactly(cinema + "|Batalha|EUR|1|1|1500|0|0|0");
        assertThat(rows("/api/analytics/sales?" + period, Row::sales)).isEqualTo(salesOnce);
        assertThat(rows("/api/analytics/occupancy?" + period, Row::occupancy)).isEqualTo(occupancyOnce);
        assertThat(rows("/api/analytics/refunds?" + period, Row::refunds)).isEqualTo(refundsOnce);
    }

    // ---------------------------------------------------------------- CSV

    @Test
    void everyReportIsAlsoCsvWithAHeaderAndOneLinePerGroupAndCurrency() throws Exception {
        Shop shop = new Shop();
        String cinema = shop.cinema(shop.location("Porto"), "Batalha", LISBON);
        String film = shop.film("Love, \"Actually\"");
        String screening = shop.screening(cinema, film, at("2024-06-10T20:00:00Z"));
        Sale sale = shop.sell(screening, List.of("A1", "A2", "B1"), Money.of(4200, "EUR"), at("2024-06-10T12:00:00Z"));
        shop.refund(sale, List.of("B1"), Money.of(1800, "EUR"), at("2024-06-10T15:00:00Z"), Outcome.COMPLETED);
        String period = "from=2024-06-01&to=2024-07-01&groupBy=film";
        awaitRows("/api/analytics/refunds?" + period, Row::refunds, 1);
        awaitRows("/api/analytics/sales?" + period, Row::sales, 1);

        Text sales = text("/api/analytics/sales?" + period + "&format=csv", "*/*");
        assertThat(sales.status()).isEqualTo(200);
        assertThat(sales.contentType()).startsWith("text/csv");
        assertThat(sales.header("Content-Disposition")).contains("sales-2024-06-01-2024-07-01.csv");
        assertThat(sales.body())
                .isEqualTo("key,label,currency,bookings,seats,grossMinor\r\n" + film
                        + ",\"Love, \"\"Actually\"\"\",EUR,1,3,4200\r\n");
        Text occupancy = text("/api/analytics/occupancy?" + period, "text/csv");
        assertThat(occupancy.contentType())
                .as("Accept: text/csv without format")
                .startsWith("text/csv");
        assertThat(occupancy.body())
                .isEqualTo("key,label,screenings,cancelledScreenings,seatsSold,capacity,occupancyPercent\r\n" + film
                        + ",\"Love, \"\"Actually\"\"\",1,0,2,5,40.0\r\n");
        Text refunds = text("/api/analytics/refunds?" + period + "&format=csv", "application/json");
        assertThat(refunds.contentType()).as("format=csv wins over Accept").startsWith("text/csv");
        assertThat(refunds.body())
                .isEqualTo("key,label,currency,completed,seatsReturned,refundedMinor,pending,failed,rejected\r\n" + film
                        + ",\"Love, \"\"Actually\"\"\",EUR,1,1,1800,0,0,0\r\n");
        assertThat(text("/api/analytics/sales?from=2024-07-02&to=2024-07-03&format=csv", "text/csv")
                        .body())
                .as("no sales: the header alone")
                .isEqualTo("key,label,currency,bookings,seats,grossMinor\r\n");
        Text json = text("/api/analytics/sales?" + period + "&format=json", "text/csv, application/json");
        assertThat(json.contentType()).startsWith("application/json");
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void badInputIsAProblemNamingTheParameter() {
        for (String report : List.of("sales", "occupancy", "refunds")) {
            String path = "/api/analytics/" + report;
            assertProblem(get(path + "?groupBy=week"), 400, "invalid-input", "groupBy");
            assertProblem(get(path + "?format=xml"), 400, "invalid-input", "format");
            assertProblem(get(path + "?from=yesterday"), 400, "invalid-period", "from");
            assertProblem(get(path + "?to=2024-02-30"), 400, "invalid-period", "to");
            assertProblem(get(path + "?from=2024-01-10&to=2024-01-11T00:00:00Z"), 400, "invalid-period", "to");
            assertProblem(get(path + "?from=2024-01-10&to=2024-01-10"), 400, "invalid-period", "to");
            assertProblem(get(path + "?from=2024-01-10&to=2024-01-01"), 400, "invalid-period", "to");
            assertProblem(get(path + "?from=2024-01-01&to=2025-01-02"), 400, "period-too-long", "to");
            assertProblem(
                    get(path + "?from=2024-01-01T00:00:00Z&to=2025-01-01T00:00:01Z"), 400, "period-too-long", "to");
            assertProblem(get(path + "?from=+999999999-12-31"), 400, "invalid-period", "from");
            assertProblem(get(path + "?from=" + "2".repeat(41)), 400, "invalid-input", "from");
            assertThat(get(path + "?from=2024-01-01&to=2025-01-01").status())
                    .as("366 days: a leap year")
                    .isEqualTo(200);
        }
    }

    @Test
    void onlyAnalystsAndAdministratorsSeeTheReports() {
        for (String report : List.of("sales", "occupancy", "refunds")) {
            String path = "/api/analytics/" + report;
            JsonHttp.Response defaults = http.get(path, analyst);
            assertThat(defaults.status()).as(defaults.raw()).isEqualTo(200);
            Instant to = Instant.parse(defaults.text("to"));
            assertThat(Duration.between(Instant.parse(defaults.text("from")), to))
                    .as("the default period")
                    .isEqualTo(Duration.ofDays(30));
            assertThat(to).isBetween(Instant.now().minusSeconds(60), Instant.now());
            assertThat(defaults.text("groupBy")).isEqualTo("day");
            assertThat(http.get(path, TestTokens.valid(AccountId.random().value(), "ADMIN"))
                            .status())
                    .isEqualTo(200);
            for (String role : List.of("CUSTOMER", "AUDITOR")) {
                JsonHttp.Response refused = http.get(path + "?groupBy=week", TestTokens.valid("someone", role));
                assertThat(refused.status()).as(role).isEqualTo(403);
                assertThat(refused.isProblem()).isTrue();
            }
            assertThat(http.get(path, null).status()).isEqualTo(401);
            assertThat(http.get(path, TestTokens.expired("ANALYST")).status()).isEqualTo(401);
        }
    }

    // ---------------------------------------------------------------- backfill

    /**
     * A projection seen for the first time reads the whole store from the first event by itself,
     * and its report answers 503 with its progress until it has: the three analytics processors are
     * stopped, their tokens and tables removed (as if they had never existed), and started again.
     * Every answer from then on is a 503 with progress, or the very report they gave before.
     */
    @Test
    void aNewProjectionBackfillsFromTheFirstEventAndAnswers503UntilItHasCaughtUp() throws Exception {
        Shop shop = new Shop();
        String cinema = shop.cinema(shop.location("Kanto"), "Shinjuku Hall", TOKYO);
        String film = shop.film("Backlog");
        List<String> screenings = IntStream.range(0, 12)
                .mapToObj(day ->
                        shop.screening(cinema, film, at("2024-05-10T10:00:00Z").plus(Duration.ofDays(day))))
                .toList();
        List<String> seats = List.of("A1", "A2", "B1", "B2", "B3");
        int returned = 0;
        for (int i = 0; i < 60; i++) {
            String currency = i % 3 == 0 ? "JPY" : "EUR";
            List<String> seat = List.of(seats.get(i % 5));
            Sale sale = shop.sell(
                    screenings.get(i / 5),
                    seat,
                    Money.of(1000 + i, currency),
                    at("2024-05-01T23:00:00Z").plus(Duration.ofDays(i % 9)));
            if (i % 7 == 0) {
                shop.refund(sale, seat, Money.of(500, currency), at("2024-05-25T10:00:00Z"), Outcome.COMPLETED);
                returned++;
            }
        }
        Map<String, String> reports = Map.of(
                SalesProjection.NAME, "/api/analytics/sales?from=2024-05-01&to=2024-06-01&groupBy=day",
                OccupancyProjection.NAME, "/api/analytics/occupancy?from=2024-05-01&to=2024-06-01&groupBy=film",
                RefundProjection.NAME, "/api/analytics/refunds?from=2024-05-01&to=2024-06-01&groupBy=location");
        // Nine days (23:00 UTC is the next day in Tokyo), each with one currency; one film; two currencies.
        awaitRows(reports.get(SalesProjection.NAME), Row::sales, 9);
        assertThat(returned).isEqualTo(9);
        assertThat(awaitRows(reports.get(OccupancyProjection.NAME), Row::occupancy, 1))
                .containsExactly(film + "|Backlog|12|0|51|60|85.0");
        awaitRows(reports.get(RefundProjection.NAME), Row::refunds, 2);
        Map<String, String> before = new java.util.TreeMap<>();
        reports.forEach((group, path) -> before.put(group, get(path).raw()));

        List<TrackingEventProcessor> processors = reports.keySet().stream()
                .map(group -> processing
                        .eventProcessor(group, TrackingEventProcessor.class)
                        .orElseThrow())
                .toList();
        // Processors obey the slot table (every node reads it): paused there, they stop everywhere.
        slotStates("PAUSED");
        await().atMost(CATCH_UP)
                .until(() -> processors.stream()
                        .allMatch(processor -> !processor.isRunning() && processor.activeProcessorThreads() == 0));
        transactions.executeWithoutResult(status -> {
            entityManager
                    .createQuery("delete from TokenEntry t where t.processorName in :names")
                    .setParameter("names", reports.keySet())
                    .executeUpdate();
            sales.reset();
            occupancy.reset();
            refunds.reset();
        });
        for (Map.Entry<String, String> report : reports.entrySet()) {
            assertThat(readiness.of(report.getKey()).caughtUp()).isFalse();
            Text refused = text(report.getValue(), "application/json");
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.header("Retry-After")).isNotBlank();
            JsonNode problem = JsonHttp.MAPPER.readTree(refused.body());
            assertThat(problem.get("code").asText()).isEqualTo("projection-catching-up");
            assertThat(problem.at("/progress/position").asLong()).isZero();
            assertThat(problem.at("/progress/percent").asDouble()).isZero();
            assertThat(problem.at("/progress/head").asLong()).isPositive();
        }

        slotStates("LIVE");
        Map<String, List<Integer>> statuses = new java.util.TreeMap<>();
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            for (Map.Entry<String, String> report : reports.entrySet()) {
                Text answer = text(report.getValue(), "application/json");
                statuses.computeIfAbsent(report.getKey(), group -> new ArrayList<>())
                        .add(answer.status());
                if (answer.status() == 503) {
                    JsonNode progress = JsonHttp.MAPPER.readTree(answer.body()).get("progress");
                    assertThat(progress.get("percent").asDouble()).isBetween(0.0, 100.0);
                    assertThat(progress.get("position").asLong())
                            .isLessThanOrEqualTo(progress.get("head").asLong());
                } else {
                    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                    assertThat(answer.body())
                            .as("the first answer after catching up is the whole report, never a part")
                            .isEqualTo(before.get(report.getKey()));
                }
            }
            statuses.values().forEach(seen -> assertThat(seen).endsWith(200));
        });
        statuses.forEach((group, seen) -> {
            assertThat(seen.subList(seen.indexOf(200), seen.size()))
                    .as("%s: once caught up, it stays so", group)
                    .containsOnly(200);
            assertThat(readiness.of(group).caughtUp()).isTrue();
        });
    }

    // ---------------------------------------------------------------- helpers

    private void slotStates(String state) {
        for (String projection :
                List.of(SalesProjection.PROJECTION, OccupancyProjection.PROJECTION, RefundProjection.PROJECTION)) {
            jdbc.update("update projection_slot set slot_a_state = ? where projection = ?", state, projection);
        }
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static FilmCreatedEvent film(FilmId id, String title) {
        return new FilmCreatedEvent(
                id, title, 104, AgeRating.PG, Set.of(Genre.DRAMA), LocalDate.of(2020, 1, 1), "A film.");
    }

    private static List<SeatPrice> prices(List<String> seats, Money total) {
        long each = seats.isEmpty() ? 0 : total.amountMinor() / seats.size();
        return seats.stream()
                .map(seat -> new SeatPrice(seat, SeatType.STANDARD, Money.of(each, total.currency())))
                .toList();
    }

    enum Outcome {
        COMPLETED,
        FAILED,
        REJECTED,
        PENDING
    }

    record Sale(
            BookingId booking,
            ScreeningId screening,
            AccountId customer,
            PaymentId payment,
            List<String> seats,
            Money total) {}

    /** Writes what the command side would, each event at the instant it happened. */
    final class Shop {

        /** Each cinema's one screen. */
        private final Map<String, ScreenId> screens = new java.util.HashMap<>();

        ScreenId screenOf(String screening) {
            return screens.get(cinemas.get(screening));
        }

        /** Each screening's cinema. */
        private final Map<String, String> cinemas = new java.util.HashMap<>();

        String location(String name) {
            LocationId id = LocationId.random();
            events.publish(id.value(), new LocationCreatedEvent(id, name), at("2023-01-01T00:00:00Z"));
            return id.value();
        }

        String cinema(String location, String name, ZoneId zone) {
            CinemaId id = CinemaId.random();
            events.publish(
                    id.value(),
                    new CinemaCreatedEvent(
                            id, LocationId.of(location), name, new Address("1 Main St", "City", "1000", "PT"), zone),
                    at("2023-01-01T00:00:00Z"));
            ScreenId screen = ScreenId.random();
            events.publish(
                    screen.value(),
                    new ScreenCreatedEvent(screen, id, "Screen 1", ScreenFormat.TWO_D, EventFeed.LAYOUT),
                    at("2023-01-01T00:00:00Z"));
            screens.put(id.value(), screen);
            return id.value();
        }

        String film(String title) {
            FilmId id = FilmId.random();
            events.publish(id.value(), AnalyticsApiIntegrationTest.film(id, title), at("2023-01-01T00:00:00Z"));
            return id.value();
        }

        String screening(String cinema, String film, Instant startsAt) {
            ScreeningScheduledEvent event = new ScreeningScheduledEvent(
                    ScreeningId.random(),
                    FilmId.of(film),
                    screens.get(cinema),
                    CinemaId.of(cinema),
                    startsAt,
                    startsAt.plus(Duration.ofMinutes(104)),
                    EventFeed.LAYOUT,
                    EventFeed.PRICES,
                    true);
            events.publish(event.screeningId().value(), event, at("2023-06-01T00:00:00Z"));
            cinemas.put(event.screeningId().value(), cinema);
            return event.screeningId().value();
        }

        /** Held and placed a minute before {@code paidAt}, then paid. */
        Sale sell(String screening, List<String> seats, Money total, Instant paidAt) {
            Sale sale = place(screening, seats, total, paidAt.minus(Duration.ofMinutes(1)));
            confirm(sale, paidAt);
            return sale;
        }

        Sale place(String screening, List<String> seats, Money total, Instant at) {
            Sale sale = new Sale(
                    BookingId.random(),
                    ScreeningId.of(screening),
                    AccountId.random(),
                    PaymentId.random(),
                    seats,
                    total);
            List<SeatPrice> prices = prices(seats, total);
            Instant expiresAt = at.plus(Duration.ofMinutes(10));
            events.publish(
                    screening,
                    new SeatsHeldEvent(sale.screening(), sale.booking(), sale.customer(), prices, expiresAt),
                    at);
            events.publish(
                    sale.booking().value(),
                    new BookingPlacedEvent(sale.booking(), sale.screening(), sale.customer(), prices, total, expiresAt),
                    at);
            return sale;
        }

        Sale change(Sale sale, List<String> seats, Money total, Instant at) {
            events.publish(
                    sale.booking().value(),
                    new BookingSeatsChangedEvent(sale.booking(), prices(seats, total), total),
                    at);
            return new Sale(sale.booking(), sale.screening(), sale.customer(), sale.payment(), seats, total);
        }

        void confirm(Sale sale, Instant at) {
            String screening = sale.screening().value();
            events.publish(
                    sale.booking().value(),
                    new BookingConfirmedEvent(sale.booking(), sale.screening(), sale.payment(), sale.total()),
                    at);
            events.publish(screening, new SeatsSoldEvent(sale.screening(), sale.booking(), sale.seats()), at);
        }

        /** A refund of {@code seats}; answers its id. Completed ones release the seats. */
        String refund(Sale sale, List<String> seats, Money amount, Instant at, Outcome outcome) {
            RefundId refund = RefundId.random();
            String id = refund.value();
            events.publish(
                    id,
                    new RefundRequestedEvent(
                            refund, sale.booking(), sale.payment(), sale.customer(), seats, amount, 100, amount),
                    at);
            switch (outcome) {
                case REJECTED ->
                    events.publish(
                            id, new RefundRejectedEvent(refund, sale.booking(), sale.customer(), "too-close"), at);
                case PENDING -> events.publish(id, new RefundApprovedEvent(refund, sale.booking(), amount), at);
                case FAILED -> {
                    events.publish(id, new RefundApprovedEvent(refund, sale.booking(), amount), at);
                    events.publish(
                            id,
                            new RefundFailedEvent(
                                    refund, sale.booking(), sale.customer(), "provider down", 1, at.plusSeconds(60)),
                            at);
                }
                case COMPLETED -> {
                    events.publish(id, new RefundApprovedEvent(refund, sale.booking(), amount), at);
                    complete(id, sale, amount, at);
                    events.publish(
                            sale.screening().value(),
                            new SeatsReleasedEvent(sale.screening(), sale.booking(), seats, ReleaseReason.REFUNDED),
                            at);
                    events.publish(
                            sale.booking().value(),
                            new BookingSeatsReturnedEvent(sale.booking(), sale.screening(), seats, List.of()),
                            at);
                }
            }
            return id;
        }

        void complete(String refund, Sale sale, Money amount, Instant at) {
            events.publish(
                    refund,
                    new RefundCompletedEvent(
                            RefundId.of(refund),
                            sale.booking(),
                            sale.payment(),
                            sale.customer(),
                            amount,
                            "re-" + refund),
                    at);
        }
    }

    /** What each report row says, one line each, for comparing whole reports. */
    static final class Row {

        static String sales(JsonNode row) {
            return String.join(
                    "|",
                    row.get("key").asText(),
                    row.get("label").asText(),
                    row.at("/gross/currency").asText(),
                    row.get("bookings").asText(),
                    row.get("seats").asText(),
                    row.at("/gross/amountMinor").asText());
        }

        static String occupancy(JsonNode row) {
            return String.join(
                    "|",
                    row.get("key").asText(),
                    row.get("label").asText(),
                    row.get("screenings").asText(),
                    row.get("cancelledScreenings").asText(),
                    row.get("seatsSold").asText(),
                    row.get("capacity").asText(),
                    row.get("occupancyPercent").asText());
        }

        static String refunds(JsonNode row) {
            return String.join(
                    "|",
                    row.get("key").asText(),
                    row.get("label").asText(),
                    row.at("/refunded/currency").asText(),
                    row.get("completed").asText(),
                    row.get("seatsReturned").asText(),
                    row.at("/refunded/amountMinor").asText(),
                    row.get("pending").asText(),
                    row.get("failed").asText(),
                    row.get("rejected").asText());
        }
    }

    JsonHttp.Response get(String path) {
        return http.get(path, analyst);
    }

    List<String> rows(String path, java.util.function.Function<JsonNode, String> row) {
        JsonHttp.Response response = get(path);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        response.body().get("rows").forEach(node -> rows.add(row.apply(node)));
        return rows;
    }

    /** Polls until the report has {@code count} rows and stays the same twice in a row (caught up). */
    List<String> awaitRows(String path, java.util.function.Function<JsonNode, String> row, int count) {
        List<List<String>> seen = new ArrayList<>();
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonHttp.Response response = get(path);
            assertThat(response.status()).as(response.raw()).isIn(200, 503);
            assertThat(response.status()).isEqualTo(200);
            List<String> rows = rows(path, row);
            seen.add(rows);
            assertThat(rows).hasSize(count);
            assertThat(readiness.of(processorOf(path)).progress().position())
                    .as("read every event written so far")
                    .isEqualTo(readiness.of(processorOf(path)).progress().head());
        });
        return rows(path, row);
    }

    private static String processorOf(String path) {
        if (path.contains("/sales")) {
            return SalesProjection.NAME;
        }
        return path.contains("/occupancy") ? OccupancyProjection.NAME : RefundProjection.NAME;
    }

    static void assertProblem(JsonHttp.Response response, int status, String code, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.raw()).isTrue();
        assertThat(response.text("code")).as(response.raw()).isEqualTo(code);
        assertThat(response.errorFields()).as(response.raw()).contains(field);
    }

    record Text(int status, String contentType, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A GET with the analyst's token and the given Accept header, answered as text with its headers. */
    Text text(String path, String accept) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Accept", accept)
                                .header("Authorization", "Bearer " + analyst)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return new Text(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.headers().map(),
                response.body());
    }
}
