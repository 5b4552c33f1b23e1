package dev.cinema.query.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingCancelledEvent;
import dev.cinema.contracts.booking.BookingConfirmedEvent;
import dev.cinema.contracts.booking.BookingExpiredEvent;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.BookingPlacedEvent;
import dev.cinema.contracts.booking.BookingSeatsChangedEvent;
import dev.cinema.contracts.booking.BookingStatus;
import dev.cinema.contracts.booking.BookingView;
import dev.cinema.contracts.booking.FindCustomerBookingQuery;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.catalogue.cinema.Address;
import dev.cinema.contracts.catalogue.cinema.CinemaId;
import dev.cinema.contracts.catalogue.cinema.CinemaUpdatedEvent;
import dev.cinema.contracts.catalogue.film.AgeRating;
import dev.cinema.contracts.catalogue.film.FilmId;
import dev.cinema.contracts.catalogue.film.FilmUpdatedEvent;
import dev.cinema.contracts.catalogue.film.Genre;
import dev.cinema.contracts.catalogue.screen.ScreenId;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.catalogue.screening.ScreeningRescheduledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningScheduledEvent;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentId;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.JsonHttp.Response;
import dev.cinema.platform.testsupport.TestKeys;
import dev.cinema.platform.testsupport.TestTokens;
import dev.cinema.query.QuerySideApplication;
import dev.cinema.query.testing.EventFeed;
import dev.cinema.query.testing.EventFeed.Catalogue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer's bookings over the query API, fed with events written straight into the shared event
 * store, as the command side would. Runs on H2 and on PostgreSQL.
 */
@SpringBootTest(
        classes = QuerySideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = QuerySideApplication.CONFIG_NAME)
@ContextConfiguration(initializers = TestKeys.class)
abstract class CustomerBookingApiIntegrationTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(15);
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    CustomerBookingProjection projection;

    @Autowired
    CustomerBookingQueries queries;

    @Autowired
    CustomerBookingRows bookings;

    @Autowired
    BookingScreeningRows screenings;

    @Autowired
    BookingFilmRows films;

    @Autowired
    BookingCinemaRows cinemas;

    JsonHttp http;
    EventFeed events;

    @BeforeEach
    void connect() {
        http = JsonHttp.localhost(port);
        events = new EventFeed(eventStore, transactions);
    }

    @Test
    void aCustomerSeesTheirBookingsNewestFirstWithFilmCinemaAndTheStartInTheCinemasZone() {
        Catalogue catalogue = events.catalogue(TOKYO);
        // 16:30 UTC is 01:30 the next morning in Tokyo.
        Instant startsAt =
                LocalDate.now(ZoneOffset.UTC).plusDays(3).atTime(16, 30).toInstant(ZoneOffset.UTC);
        String screeningId = events.schedule(catalogue, startsAt);
        String customer = AccountId.random().value();
        Instant firstPlaced = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        BookingPlacedEvent older = place(screeningId, customer, firstPlaced, "A1", "A2");
        BookingPlacedEvent newer = place(screeningId, customer, firstPlaced.plusSeconds(60), "B1");
        String token = TestTokens.valid(customer, "CUSTOMER");

        Response page = awaitBookings(token, 2);
        assertThat(page.text("items/0/bookingId")).isEqualTo(newer.bookingId().value());
        assertThat(page.text("items/1/bookingId")).isEqualTo(older.bookingId().value());
        assertThat(page.text("page/totalElements")).isEqualTo("2");
        assertThat(page.text("items/1/screeningId")).isEqualTo(screeningId);
        assertThat(page.text("items/1/filmTitle")).isEqualTo("Night Train");
        assertThat(page.text("items/1/cinemaName")).isEqualTo("Cine Lumière");
        assertThat(Instant.parse(page.text("items/1/startsAt"))).isEqualTo(startsAt);
        assertThat(page.text("items/1/localStart"))
                .isEqualTo(startsAt.atZone(TOKYO).toLocalDate() + "T01:30");
        assertThat(page.text("items/1/seats/0/seat")).isEqualTo("A1");
        assertThat(page.text("items/1/seats/1/seat")).isEqualTo("A2");
        assertThat(page.text("items/1/seats/1/price/amountMinor")).isEqualTo("1200");
        assertThat(page.text("items/1/total/amountMinor")).isEqualTo("2400");
        assertThat(page.text("items/1/status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(Instant.parse(page.text("items/1/expiresAt"))).isEqualTo(older.expiresAt());
        assertThat(Instant.parse(page.text("items/1/placedAt"))).isEqualTo(firstPlaced);

        Response one = http.get("/api/me/bookings/" + older.bookingId(), token);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.text("bookingId")).isEqualTo(older.bookingId().value());
        assertThat(one.text("total/currency")).isEqualTo("EUR");

        Response second = http.get("/api/me/bookings?size=1&page=1", token);
        assertThat(second.text("items/0/bookingId")).isEqualTo(older.bookingId().value());
        assertThat(second.text("page/totalPages")).isEqualTo("2");
    }

    @Test
    void anotherCustomerSeesNoneOfThem() {
        String screeningId =
                events.schedule(events.catalogue(TOKYO), Instant.now().plus(2, ChronoUnit.DAYS));
        String owner = AccountId.random().value();
        BookingPlacedEvent placed = place(screeningId, owner, Instant.now(), "B2");
        awaitBookings(TestTokens.valid(owner, "CUSTOMER"), 1);

        String stranger = TestTokens.customer();
        assertThat(http.get("/api/me/bookings", stranger).body().get("items")).isEmpty();
        assertThat(http.get("/api/me/bookings", stranger).text("page/totalElements"))
                .isEqualTo("0");
        Response theirs = http.get("/api/me/bookings/" + placed.bookingId(), stranger);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.isProblem()).isTrue();
        // An administrator has no window onto customers' bookings here either: "me" is the token's account.
        assertThat(http.get(
                                "/api/me/bookings/" + placed.bookingId(),
                                TestTokens.valid(AccountId.random().value(), "ADMIN"))
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/me/bookings", null).status()).isEqualTo(401);
        assertThat(http.get("/api/me/bookings/" + placed.bookingId(), null).status())
                .isEqualTo(401);
    }

    @Test
    void seatChangesCancellationsExpiriesAndCatalogueEditsReachTheBookings() {
        Catalogue catalogue = events.catalogue(TOKYO);
        String screeningId = events.schedule(catalogue, Instant.now().plus(4, ChronoUnit.DAYS));
        String customer = AccountId.random().value();
        BookingPlacedEvent changed = place(screeningId, customer, Instant.now(), "A1");
        BookingPlacedEvent cancelled = place(screeningId, customer, Instant.now(), "A2");
        BookingPlacedEvent expired = place(screeningId, customer, Instant.now(), "B3");
        events.publish(
                changed.bookingId().value(),
                new BookingSeatsChangedEvent(
                        changed.bookingId(), List.of(seat("B1"), seat("B2")), Money.of(3600, "EUR")));
        events.publish(
                cancelled.bookingId().value(),
                new BookingCancelledEvent(cancelled.bookingId(), ScreeningId.of(screeningId)));
        events.publish(
                expired.bookingId().value(), new BookingExpiredEvent(expired.bookingId(), ScreeningId.of(screeningId)));
        Instant movedTo = LocalDate.now(ZoneOffset.UTC).plusDays(5).atTime(9, 0).toInstant(ZoneOffset.UTC);
        events.publish(
                screeningId,
                new ScreeningRescheduledEvent(
                        ScreeningId.of(screeningId),
                        ScreenId.of(catalogue.screenId()),
                        movedTo,
                        movedTo.plus(104, ChronoUnit.MINUTES)));
        events.publish(
                catalogue.filmId(),
                new FilmUpdatedEvent(
                        FilmId.of(catalogue.filmId()),
                        "Night Train Redux",
                        110,
                        AgeRating.PG,
                        Set.of(Genre.THRILLER),
                        LocalDate.now().minusDays(10),
                        null));
        events.publish(
                catalogue.cinemaId(),
                new CinemaUpdatedEvent(
                        CinemaId.of(catalogue.cinemaId()),
                        "Cine Lumière Osaka",
                        new Address("1-1 Namba", "Osaka", "542-0076", "JP"),
                        TOKYO));
        String token = TestTokens.valid(customer, "CUSTOMER");

        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            Response view = http.get("/api/me/bookings/" + expired.bookingId(), token);
            assertThat(view.text("status")).isEqualTo("EXPIRED");
            assertThat(view.text("filmTitle")).isEqualTo("Night Train Redux");
            assertThat(view.text("cinemaName")).isEqualTo("Cine Lumière Osaka");
        });
        Response seatsChanged = http.get("/api/me/bookings/" + changed.bookingId(), token);
        assertThat(seatsChanged.text("status")).isEqualTo("AWAITING_PAYMENT");
        assertThat(seatsChanged.text("seats/0/seat")).isEqualTo("B1");
        assertThat(seatsChanged.text("seats/1/seat")).isEqualTo("B2");
        assertThat(seatsChanged.body().get("seats")).hasSize(2);
        assertThat(seatsChanged.text("total/amountMinor")).isEqualTo("3600");
        assertThat(Instant.parse(seatsChanged.text("startsAt"))).isEqualTo(movedTo);
        assertThat(seatsChanged.text("localStart"))
                .isEqualTo(movedTo.atZone(TOKYO).toLocalDate() + "T18:00");
        assertThat(http.get("/api/me/bookings/" + cancelled.bookingId(), token).text("status"))
                .isEqualTo("CANCELLED");
    }

    @Test
    void aPaidBookingIsConfirmedForItsCustomerOnly() {
        String screeningId =
                events.schedule(events.catalogue(TOKYO), Instant.now().plus(4, ChronoUnit.DAYS));
        String customer = AccountId.random().value();
        BookingPlacedEvent placed = place(screeningId, customer, Instant.now(), "A1", "B1");
        events.publish(
                placed.bookingId().value(),
                new BookingConfirmedEvent(
                        placed.bookingId(), ScreeningId.of(screeningId), PaymentId.random(), placed.total()));
        String token = TestTokens.valid(customer, "CUSTOMER");

        await().atMost(CATCH_UP)
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(http.get("/api/me/bookings/" + placed.bookingId(), token)
                                .text("status"))
                        .isEqualTo("CONFIRMED"));
        Response confirmed = http.get("/api/me/bookings/" + placed.bookingId(), token);
        assertThat(confirmed.text("total/amountMinor")).isEqualTo("3000");
        assertThat(confirmed.text("expiresAt"))
                .as("a paid booking no longer runs out")
                .isNull();
        assertThat(confirmed.text("seats/0/seat")).isEqualTo("A1");
        assertThat(confirmed.text("seats/1/seat")).isEqualTo("B1");
        assertThat(confirmed.text("filmTitle")).isEqualTo("Night Train");
        assertThat(awaitBookings(token, 1).text("items/0/status")).isEqualTo("CONFIRMED");
        assertThat(http.get("/api/me/bookings/" + placed.bookingId(), TestTokens.customer())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void foldingAConfirmationTwiceLeavesTheSameBooking() {
        Catalogue catalogue = events.catalogue(TOKYO);
        await().atMost(CATCH_UP)
                .until(() -> films.existsById(catalogue.filmId()) && cinemas.existsById(catalogue.cinemaId()));
        ScreeningScheduledEvent scheduled =
                events.scheduled(catalogue, Instant.now().plus(6, ChronoUnit.DAYS));
        String customer = AccountId.random().value();
        BookingId bookingId = BookingId.random();
        BookingPlacedEvent placed = new BookingPlacedEvent(
                bookingId,
                scheduled.screeningId(),
                AccountId.of(customer),
                List.of(seat("A1")),
                Money.of(1200, "EUR"),
                Instant.now().plus(10, ChronoUnit.MINUTES));
        BookingSeatsChangedEvent changed =
                new BookingSeatsChangedEvent(bookingId, List.of(seat("A1"), seat("B2")), Money.of(3000, "EUR"));
        BookingConfirmedEvent confirmed = new BookingConfirmedEvent(
                bookingId, scheduled.screeningId(), PaymentId.random(), Money.of(3000, "EUR"));
        Instant placedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Runnable foldAll = () -> transactions.executeWithoutResult(status -> {
            projection.on(scheduled);
            projection.on(placed, placedAt);
            projection.on(changed);
            projection.on(confirmed);
        });
        foldAll.run();
        BookingView once = queries.handle(new FindCustomerBookingQuery(customer, bookingId.value()))
                .orElseThrow();
        foldAll.run();
        transactions.executeWithoutResult(status -> {
            projection.on(confirmed);
            projection.on(placed, placedAt.plusSeconds(5));
        });
        BookingView twice = queries.handle(new FindCustomerBookingQuery(customer, bookingId.value()))
                .orElseThrow();

        assertThat(twice).isEqualTo(once);
        assertThat(twice.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(twice.seats()).extracting(SeatPrice::seat).containsExactly("A1", "B2");
        assertThat(twice.total()).isEqualTo(Money.of(3000, "EUR"));
        assertThat(twice.expiresAt()).isNull();
        assertThat(twice.placedAt()).isEqualTo(placedAt);
    }

    @Test
    void foldingTheSameEventsTwiceLeavesTheSameBooking() {
        Catalogue catalogue = events.catalogue(TOKYO);
        // The catalogue comes through the event store; the booking events below are folded directly.
        await().atMost(CATCH_UP)
                .until(() -> films.existsById(catalogue.filmId()) && cinemas.existsById(catalogue.cinemaId()));
        ScreeningScheduledEvent scheduled =
                events.scheduled(catalogue, Instant.now().plus(6, ChronoUnit.DAYS));
        String customer = AccountId.random().value();
        BookingId bookingId = BookingId.random();
        BookingPlacedEvent placed = new BookingPlacedEvent(
                bookingId,
                scheduled.screeningId(),
                AccountId.of(customer),
                List.of(seat("A1")),
                Money.of(1200, "EUR"),
                Instant.now().plus(10, ChronoUnit.MINUTES));
        BookingSeatsChangedEvent changed =
                new BookingSeatsChangedEvent(bookingId, List.of(seat("A1"), seat("A2")), Money.of(2400, "EUR"));
        BookingCancelledEvent cancelled = new BookingCancelledEvent(bookingId, scheduled.screeningId());
        Instant placedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // The projection is driven directly: at-least-once delivery means any event may come again.
        Runnable foldAll = () -> transactions.executeWithoutResult(status -> {
            projection.on(scheduled);
            projection.on(placed, placedAt);
            projection.on(changed);
            projection.on(cancelled);
        });
        foldAll.run();
        BookingView once = queries.handle(new FindCustomerBookingQuery(customer, bookingId.value()))
                .orElseThrow();
        foldAll.run();
        transactions.executeWithoutResult(status -> projection.on(placed, placedAt.plusSeconds(5)));
        BookingView twice = queries.handle(new FindCustomerBookingQuery(customer, bookingId.value()))
                .orElseThrow();

        assertThat(twice).isEqualTo(once);
        assertThat(twice.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(twice.seats()).extracting(SeatPrice::seat).containsExactly("A1", "A2");
        assertThat(twice.placedAt()).isEqualTo(placedAt);
        assertThat(twice.filmTitle()).isEqualTo("Night Train");
        assertThat(twice.localStart()).isNotNull();
        assertThat(queries.handle(new FindCustomerBookingQuery("someone-else", bookingId.value())))
                .isEmpty();
    }

    @Test
    void aResetEmptiesTheBookingTables() {
        String screeningId =
                events.schedule(events.catalogue(TOKYO), Instant.now().plus(3, ChronoUnit.DAYS));
        String customer = AccountId.random().value();
        BookingPlacedEvent placed = place(screeningId, customer, Instant.now(), "A1", "B1");
        awaitBookings(TestTokens.valid(customer, "CUSTOMER"), 1);
        // Rolled back, so that the other tests sharing this database keep their bookings.
        transactions.executeWithoutResult(status -> {
            projection.reset();
            assertThat(bookings.count()).isZero();
            assertThat(screenings.count()).isZero();
            assertThat(films.count()).isZero();
            assertThat(cinemas.count()).isZero();
            status.setRollbackOnly();
        });
        assertThat(queries.handle(new FindCustomerBookingQuery(
                        customer, placed.bookingId().value())))
                .isPresent();
    }

    @Test
    void badPagingIsAProblemNamingTheParameter() {
        String token = TestTokens.customer();
        assertProblem(http.get("/api/me/bookings?size=0", token), 400, "size");
        assertProblem(http.get("/api/me/bookings?size=101", token), 400, "size");
        assertProblem(http.get("/api/me/bookings?page=-1", token), 400, "page");
        assertProblem(http.get("/api/me/bookings?page=first", token), 400, "page");
        assertProblem(http.get("/api/me/bookings/" + "x".repeat(65), token), 400, "bookingId");
    }

    // ---------------------------------------------------------------- helpers

    static SeatPrice seat(String label) {
        return new SeatPrice(
                label,
                label.startsWith("A") ? SeatType.STANDARD : SeatType.PREMIUM,
                Money.of(label.startsWith("A") ? 1200 : 1800, "EUR"));
    }

    /** Places a booking for the seats, stored with the given timestamp (its placedAt). */
    BookingPlacedEvent place(String screeningId, String customer, Instant at, String... seats) {
        List<SeatPrice> prices =
                Stream.of(seats).map(CustomerBookingApiIntegrationTest::seat).toList();
        Money total = prices.stream().map(SeatPrice::price).reduce(Money::plus).orElseThrow();
        BookingPlacedEvent event = new BookingPlacedEvent(
                BookingId.random(),
                ScreeningId.of(screeningId),
                AccountId.of(customer),
                prices,
                total,
                at.plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS));
        events.publish(event.bookingId().value(), event, at);
        return event;
    }

    Response awaitBookings(String token, int count) {
        Response[] last = new Response[1];
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            last[0] = http.get("/api/me/bookings", token);
            assertThat(last[0].status()).as(last[0].raw()).isEqualTo(200);
            assertThat(last[0].body().get("items")).hasSize(count);
        });
        return last[0];
    }

    static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.raw()).isTrue();
        assertThat(response.errorFields()).as(response.raw()).contains(field);
    }
}
