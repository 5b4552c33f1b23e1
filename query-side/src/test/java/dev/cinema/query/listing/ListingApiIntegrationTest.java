package dev.cinema.query.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
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
import dev.cinema.contracts.catalogue.film.FilmUpdatedEvent;
import dev.cinema.contracts.catalogue.film.Genre;
import dev.cinema.contracts.catalogue.location.LocationCreatedEvent;
import dev.cinema.contracts.catalogue.location.LocationId;
import dev.cinema.contracts.catalogue.location.LocationRetiredEvent;
import dev.cinema.contracts.catalogue.screen.LayoutCell;
import dev.cinema.contracts.catalogue.screen.ScreenCreatedEvent;
import dev.cinema.contracts.catalogue.screen.ScreenFormat;
import dev.cinema.contracts.catalogue.screen.ScreenId;
import dev.cinema.contracts.catalogue.screen.ScreenRetiredEvent;
import dev.cinema.contracts.catalogue.screen.ScreenUpdatedEvent;
import dev.cinema.contracts.catalogue.screen.SeatLayout;
import dev.cinema.contracts.catalogue.screen.SeatRow;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.catalogue.screening.ScreeningCancelledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.catalogue.screening.ScreeningScheduledEvent;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.listing.FindScreenQuery;
import dev.cinema.contracts.listing.FindScreeningQuery;
import dev.cinema.contracts.listing.ScreenView;
import dev.cinema.contracts.listing.ScreeningView;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.JsonHttp.Response;
import dev.cinema.platform.testsupport.TestKeys;
import dev.cinema.query.QuerySideApplication;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The listings projection and the public query API, fed with catalogue events written straight
 * into the shared event store, as the command side would. Runs on H2 and on PostgreSQL.
 */
@SpringBootTest(
        classes = QuerySideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = QuerySideApplication.CONFIG_NAME)
@ContextConfiguration(initializers = TestKeys.class)
abstract class ListingApiIntegrationTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    CatalogueListingProjection projection;

    @Autowired
    ListingQueries queries;

    @Autowired
    TakenSeatRows takenSeats;

    JsonHttp http;
    private final Map<String, Long> sequences = new HashMap<>();

    @BeforeEach
    void connect() {
        http = JsonHttp.localhost(port);
    }

    @Test
    void listingsShowTheCatalogueWithLocalTimesOfTheCinemasZone() {
        Catalogue catalogue = catalogue(ZoneId.of("Asia/Tokyo"));
        // 16:30 UTC is 01:30 the next morning in Tokyo: the listing's day is Tokyo's.
        Instant startsAt =
                LocalDate.now(ZoneOffset.UTC).plusDays(3).atTime(16, 30).toInstant(ZoneOffset.UTC);
        String screeningId = schedule(catalogue, startsAt);
        LocalDate tokyoDay = startsAt.atZone(ZoneId.of("Asia/Tokyo")).toLocalDate();

        Response onTokyoDay = awaitItems("/api/screenings?cinemaId=" + catalogue.cinemaId + "&date=" + tokyoDay, 1);
        assertThat(onTokyoDay.text("items/0/id")).isEqualTo(screeningId);
        assertThat(onTokyoDay.text("items/0/localStart")).isEqualTo(tokyoDay + "T01:30");
        assertThat(onTokyoDay.text("items/0/filmTitle")).isEqualTo("Harbour Lights");
        assertThat(onTokyoDay.text("items/0/cinemaName")).isEqualTo("Shibuya Cinema");
        assertThat(onTokyoDay.text("items/0/screenName")).isEqualTo("Screen 7");
        assertThat(onTokyoDay.text("items/0/format")).isEqualTo("IMAX");
        assertThat(onTokyoDay.text("items/0/status")).isEqualTo("ON_SALE");
        assertThat(onTokyoDay.text("items/0/totalSeats")).isEqualTo("5");
        assertThat(onTokyoDay.text("items/0/freeSeats")).isEqualTo("5");
        assertThat(onTokyoDay.text("items/0/prices/PREMIUM/amountMinor")).isEqualTo("2100");
        assertThat(http.get("/api/screenings?cinemaId=" + catalogue.cinemaId + "&date=" + tokyoDay.minusDays(1), null)
                        .body()
                        .get("items"))
                .isEmpty();
        assertThat(http.get("/api/screenings?filmId=" + catalogue.filmId, null).text("page/totalElements"))
                .isEqualTo("1");
        assertThat(http.get("/api/screenings?locationId=" + catalogue.locationId + "&date=" + tokyoDay, null)
                        .text("items/0/id"))
                .isEqualTo(screeningId);

        Response location = http.get("/api/locations/" + catalogue.locationId, null);
        assertThat(location.text("name")).isEqualTo("Kanto");
        assertThat(location.text("cinemaCount")).isEqualTo("1");
        Response cinemas = http.get("/api/locations/" + catalogue.locationId + "/cinemas", null);
        assertThat(cinemas.text("items/0/timeZone")).isEqualTo("Asia/Tokyo");
        assertThat(cinemas.text("items/0/screenCount")).isEqualTo("1");
        assertThat(cinemas.text("items/0/locationName")).isEqualTo("Kanto");
        assertThat(http.get("/api/films/" + catalogue.filmId, null).text("nextScreeningAt"))
                .isEqualTo(startsAt.toString());
        assertThat(ids(http.get("/api/films?availability=NOW_SHOWING&size=100", null)))
                .contains(catalogue.filmId);
        assertThat(ids(http.get("/api/films?availability=COMING_SOON&size=100", null)))
                .doesNotContain(catalogue.filmId);
    }

    @Test
    void filmsComingSoonAreThoseReleasedLater() {
        FilmId film = FilmId.random();
        publish(
                film.value(),
                new FilmCreatedEvent(
                        film,
                        "Next Summer",
                        99,
                        AgeRating.G,
                        Set.of(Genre.FAMILY),
                        LocalDate.now().plusDays(30),
                        null));
        await().atMost(CATCH_UP)
                .until(() -> http.get("/api/films/" + film, null).status() == 200);
        assertThat(ids(http.get("/api/films?availability=COMING_SOON&size=100", null)))
                .contains(film.value());
        assertThat(ids(http.get("/api/films?availability=NOW_SHOWING&size=100", null)))
                .doesNotContain(film.value());
    }

    @Test
    void editsCancellationsAndRetirementsReachTheListings() {
        Catalogue catalogue = catalogue(ZoneId.of("Europe/Paris"));
        Instant startsAt = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String kept = schedule(catalogue, startsAt);
        String cancelled = schedule(catalogue, startsAt.plus(4, ChronoUnit.HOURS));
        awaitItems("/api/screenings?cinemaId=" + catalogue.cinemaId, 2);

        publish(
                catalogue.filmId,
                new FilmUpdatedEvent(
                        FilmId.of(catalogue.filmId),
                        "Harbour Lights (Director's Cut)",
                        130,
                        AgeRating.PG,
                        Set.of(Genre.DRAMA),
                        LocalDate.now().minusDays(3),
                        "Longer."));
        publish(
                cancelled,
                new ScreeningCancelledEvent(
                        ScreeningId.of(cancelled), ScreenId.of(catalogue.screenId), "Projector fault"));
        publish(catalogue.locationId, new LocationRetiredEvent(LocationId.of(catalogue.locationId)));

        Response listed = awaitItems("/api/screenings?cinemaId=" + catalogue.cinemaId, 1);
        assertThat(listed.text("items/0/id")).isEqualTo(kept);
        await().atMost(CATCH_UP)
                .untilAsserted(() -> assertThat(
                                http.get("/api/screenings/" + kept, null).text("filmTitle"))
                        .isEqualTo("Harbour Lights (Director's Cut)"));
        assertThat(http.get("/api/screenings/" + cancelled, null).text("status"))
                .isEqualTo("CANCELLED");
        await().atMost(CATCH_UP)
                .untilAsserted(() -> assertThat(http.get("/api/locations/" + catalogue.locationId, null)
                                .status())
                        .isEqualTo(404));
    }

    @Test
    void pagesAreStableAndSortable() {
        Catalogue catalogue = catalogue(ZoneId.of("Europe/London"));
        Instant first = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        List<String> scheduled = List.of(
                schedule(catalogue, first),
                schedule(catalogue, first.plus(3, ChronoUnit.HOURS)),
                schedule(catalogue, first.plus(6, ChronoUnit.HOURS)));
        awaitItems("/api/screenings?cinemaId=" + catalogue.cinemaId, 3);

        Response page0 = http.get("/api/screenings?cinemaId=" + catalogue.cinemaId + "&size=2&page=0", null);
        Response page1 = http.get("/api/screenings?cinemaId=" + catalogue.cinemaId + "&size=2&page=1", null);
        assertThat(page0.text("page/totalElements")).isEqualTo("3");
        assertThat(page0.text("page/totalPages")).isEqualTo("2");
        List<String> inOrder = new ArrayList<>(ids(page0));
        inOrder.addAll(ids(page1));
        assertThat(inOrder).containsExactlyElementsOf(scheduled);
        assertThat(ids(http.get("/api/screenings?cinemaId=" + catalogue.cinemaId + "&sort=startsAt,desc", null)))
                .containsExactlyElementsOf(reversed(scheduled));
    }

    @Test
    void badQueryParametersAreProblemsNamingTheParameter() {
        assertProblem(http.get("/api/screenings?size=0", null), 400, "size");
        assertProblem(http.get("/api/screenings?size=1000", null), 400, "size");
        assertProblem(http.get("/api/locations?page=-1", null), 400, "page");
        assertProblem(http.get("/api/films?sort=budget", null), 400, "sort");
        assertProblem(http.get("/api/films?sort=title,sideways", null), 400, "sort");
        assertProblem(http.get("/api/screenings?sort=,", null), 400, "sort");
        assertProblem(http.get("/api/screenings?date=tomorrow", null), 400, "date");
        assertProblem(http.get("/api/screenings?from=noon", null), 400, "from");
        assertProblem(http.get("/api/films?availability=SOON", null), 400, "availability");
        assertProblem(http.get("/api/cinemas?locationId=" + "x".repeat(65), null), 400, "locationId");
        Response unknown = http.get("/api/screenings/no-such-screening", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
    }

    @Test
    void foldingTheSameEventsTwiceLeavesTheSameListing() {
        Catalogue catalogue = catalogue(ZoneId.of("America/New_York"));
        awaitCatalogue(catalogue);
        Instant startsAt = Instant.now().plus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        ScreeningScheduledEvent scheduled = scheduledEvent(catalogue, ScreeningId.random(), startsAt);
        ScreeningCancelledEvent cancelled =
                new ScreeningCancelledEvent(scheduled.screeningId(), scheduled.screenId(), "Storm");
        // The projection is driven directly here: at-least-once delivery means any event may come again.
        transactions.executeWithoutResult(status -> {
            projection.on(scheduled);
            projection.on(cancelled);
        });
        ScreeningView once = queries.handle(
                        new FindScreeningQuery(scheduled.screeningId().value()))
                .orElseThrow();
        transactions.executeWithoutResult(status -> {
            projection.on(scheduled);
            projection.on(cancelled);
            projection.on(cancelled);
        });
        ScreeningView twice = queries.handle(
                        new FindScreeningQuery(scheduled.screeningId().value()))
                .orElseThrow();
        assertThat(twice).isEqualTo(once);
        assertThat(twice.status()).hasToString("CANCELLED");
    }

    @Test
    void seatHoldsAndReleasesFoldedTwiceLeaveTheSameFreeSeats() {
        Catalogue catalogue = catalogue(ZoneId.of("Europe/Rome"));
        awaitCatalogue(catalogue);
        ScreeningScheduledEvent scheduled = scheduledEvent(
                catalogue,
                ScreeningId.random(),
                Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
        BookingId booking = BookingId.random();
        SeatsHeldEvent held = new SeatsHeldEvent(
                scheduled.screeningId(),
                booking,
                AccountId.random(),
                List.of(
                        new SeatPrice("A1", SeatType.STANDARD, Money.of(1500, "JPY")),
                        new SeatPrice("B1", SeatType.PREMIUM, Money.of(2100, "JPY"))),
                Instant.now().plus(10, ChronoUnit.MINUTES));
        SeatsReleasedEvent released =
                new SeatsReleasedEvent(scheduled.screeningId(), booking, List.of("B1"), ReleaseReason.CHANGED);
        // Someone else's release must not free A1, which this booking still holds.
        SeatsReleasedEvent othersRelease = new SeatsReleasedEvent(
                scheduled.screeningId(), BookingId.random(), List.of("A1"), ReleaseReason.CANCELLED);
        Runnable foldAll = () -> transactions.executeWithoutResult(status -> {
            projection.on(scheduled);
            projection.on(held);
            projection.on(released);
            projection.on(othersRelease);
        });
        foldAll.run();
        ScreeningView once = queries.handle(
                        new FindScreeningQuery(scheduled.screeningId().value()))
                .orElseThrow();
        foldAll.run();
        transactions.executeWithoutResult(status -> projection.on(released));
        ScreeningView twice = queries.handle(
                        new FindScreeningQuery(scheduled.screeningId().value()))
                .orElseThrow();
        assertThat(twice).isEqualTo(once);
        assertThat(twice.totalSeats()).isEqualTo(5);
        assertThat(twice.freeSeats()).isEqualTo(4);
    }

    @Test
    void aCinemasScreensArePagedWithTheirLayoutsAndOneScreenByItsId() throws Exception {
        Catalogue catalogue = catalogue(ZoneId.of("Europe/Vienna"));
        CinemaId cinema = CinemaId.of(catalogue.cinemaId);
        ScreenId edited = ScreenId.random();
        ScreenId retired = ScreenId.random();
        publish(edited.value(), new ScreenCreatedEvent(edited, cinema, "Screen 2", ScreenFormat.TWO_D, layout()));
        SeatLayout wider = new SeatLayout(List.of(new SeatRow(
                "A",
                List.of(
                        LayoutCell.seat("1", SeatType.WHEELCHAIR),
                        LayoutCell.seat("2", SeatType.COUPLE),
                        LayoutCell.seat("3", SeatType.COUPLE),
                        LayoutCell.gap(),
                        LayoutCell.seat("4", SeatType.PREMIUM)))));
        publish(
                edited.value(),
                new ScreenUpdatedEvent(edited, cinema, "Screen 2 (new seats)", ScreenFormat.THREE_D, wider));
        publish(retired.value(), new ScreenCreatedEvent(retired, cinema, "Screen 1", ScreenFormat.TWO_D, layout()));
        publish(retired.value(), new ScreenRetiredEvent(retired, cinema));
        String screens = "/api/cinemas/" + catalogue.cinemaId + "/screens";
        await().atMost(CATCH_UP)
                .until(() ->
                        "true".equals(http.get("/api/screens/" + retired, null).text("retired")));

        // Active screens by name; each with the layout the catalogue commands take.
        Response page = http.get(screens, null);
        assertThat(ids(page)).containsExactly(edited.value(), catalogue.screenId);
        assertThat(page.text("page/totalElements")).isEqualTo("2");
        assertThat(page.text("items/0/name")).isEqualTo("Screen 2 (new seats)");
        assertThat(page.text("items/0/format")).isEqualTo("THREE_D");
        assertThat(page.text("items/0/seatCount")).isEqualTo("4");
        assertThat(page.text("items/0/retired")).isEqualTo("false");
        assertThat(page.text("items/0/cinemaId")).isEqualTo(catalogue.cinemaId);
        assertThat(page.text("items/0/layout/rows/0/label")).isEqualTo("A");
        assertThat(page.text("items/0/layout/rows/0/cells/1/kind")).isEqualTo("SEAT");
        assertThat(page.text("items/0/layout/rows/0/cells/1/number")).isEqualTo("2");
        assertThat(page.text("items/0/layout/rows/0/cells/1/type")).isEqualTo("COUPLE");
        assertThat(page.text("items/0/layout/rows/0/cells/3/kind")).isEqualTo("GAP");
        assertThat(page.text("items/1/layout/rows/1/cells/2/type")).isEqualTo("PREMIUM");
        assertThat(JsonHttp.MAPPER.treeToValue(page.body().at("/items/1/layout"), SeatLayout.class))
                .isEqualTo(layout());

        // Retired ones on request; pages and sorting as every listing.
        assertThat(ids(http.get(screens + "?includeRetired=true", null)))
                .containsExactly(retired.value(), edited.value(), catalogue.screenId);
        Response second = http.get(screens + "?includeRetired=true&sort=name,desc&size=2&page=1", null);
        assertThat(ids(second)).containsExactly(retired.value());
        assertThat(second.text("page/totalPages")).isEqualTo("2");

        Response one = http.get("/api/screens/" + edited, null);
        assertThat(one.text("name")).isEqualTo("Screen 2 (new seats)");
        assertThat(one.text("layout/rows/0/cells/0/type")).isEqualTo("WHEELCHAIR");
        assertThat(http.get("/api/screens/" + retired, null).text("layout/rows/0/label"))
                .isEqualTo("A");

        Response unknown = http.get("/api/screens/no-such-screen", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(unknown.text("code")).isEqualTo("screen-not-found");
        Response unknownCinema = http.get("/api/cinemas/no-such-cinema/screens", null);
        assertThat(unknownCinema.status()).isEqualTo(404);
        assertThat(unknownCinema.text("code")).isEqualTo("cinema-not-found");
        assertProblem(http.get(screens + "?size=0", null), 400, "size");
        assertProblem(http.get(screens + "?size=101", null), 400, "size");
        assertProblem(http.get(screens + "?page=-1", null), 400, "page");
        assertProblem(http.get(screens + "?sort=seatCount", null), 400, "sort");
        assertProblem(http.get(screens + "?includeRetired=maybe", null), 400, "includeRetired");
    }

    @Test
    void screenLayoutsFoldedTwiceLeaveTheSameScreen() {
        Catalogue catalogue = catalogue(ZoneId.of("Europe/Prague"));
        awaitCatalogue(catalogue);
        ScreenId screen = ScreenId.random();
        CinemaId cinema = CinemaId.of(catalogue.cinemaId);
        ScreenCreatedEvent created = new ScreenCreatedEvent(screen, cinema, "Screen 3", ScreenFormat.TWO_D, layout());
        ScreenUpdatedEvent updated = new ScreenUpdatedEvent(
                screen,
                cinema,
                "Screen 3",
                ScreenFormat.IMAX,
                new SeatLayout(List.of(new SeatRow("A", List.of(LayoutCell.seat("1", SeatType.PREMIUM))))));
        transactions.executeWithoutResult(status -> {
            projection.on(created);
            projection.on(updated);
        });
        ScreenView once = queries.handle(new FindScreenQuery(screen.value())).orElseThrow();
        // At-least-once delivery: the same events again change nothing.
        transactions.executeWithoutResult(status -> {
            projection.on(updated);
            projection.on(created);
            projection.on(updated);
        });
        ScreenView twice = queries.handle(new FindScreenQuery(screen.value())).orElseThrow();
        assertThat(twice).isEqualTo(once);
        assertThat(twice.layout()).isEqualTo(updated.layout());
        assertThat(twice.seatCount()).isEqualTo(1);
        assertThat(twice.format()).isEqualTo(ScreenFormat.IMAX);
    }

    @Test
    void soldSeatsStayTakenUntilTheirBookingReleasesThem() {
        Catalogue catalogue = catalogue(ZoneId.of("Europe/Lisbon"));
        awaitCatalogue(catalogue);
        String screeningId =
                schedule(catalogue, Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
        ScreeningId screening = ScreeningId.of(screeningId);
        BookingId booking = BookingId.random();
        publish(screeningId, held(screening, booking, "A1", "B1"));
        publish(screeningId, new SeatsSoldEvent(screening, booking, List.of("A1", "B1")));
        // Folded in store order by one segment: once this later hold shows, the sale has been folded.
        publish(screeningId, held(screening, BookingId.random(), "B3"));
        awaitFreeSeats(screeningId, 2);
        assertThat(List.of("A1", "B1"))
                .allSatisfy(seat -> assertThat(takenSeats.findById(new TakenSeatRow.Key(screeningId, seat)))
                        .hasValueSatisfying(taken -> assertThat(taken.bookingId).isEqualTo(booking.value())));

        // Someone else's release frees nothing; the booking's own release (a refund) frees its sold seats.
        publish(
                screeningId,
                new SeatsReleasedEvent(screening, BookingId.random(), List.of("A1", "B1"), ReleaseReason.CANCELLED));
        publish(screeningId, new SeatsReleasedEvent(screening, booking, List.of("A1", "B1"), ReleaseReason.CANCELLED));
        awaitFreeSeats(screeningId, 4);
        assertThat(takenSeats.countByScreeningId(screeningId)).isEqualTo(1);

        // The same sale and release delivered again change nothing: the count is recounted, not moved.
        publish(screeningId, new SeatsSoldEvent(screening, booking, List.of("A1", "B1")));
        publish(screeningId, new SeatsReleasedEvent(screening, booking, List.of("A1", "B1"), ReleaseReason.CANCELLED));
        publish(screeningId, held(screening, BookingId.random(), "A2"));
        awaitFreeSeats(screeningId, 3);
        assertThat(takenSeats.countByScreeningId(screeningId)).isEqualTo(2);
    }

    @Test
    void aBatchThatRenamesAFilmAndEditsItsCinemaKeepsTheNewTitle() {
        Catalogue catalogue = catalogue(ZoneId.of("Europe/Madrid"));
        awaitCatalogue(catalogue);
        ScreeningScheduledEvent scheduled = scheduledEvent(
                catalogue,
                ScreeningId.random(),
                Instant.now().plus(8, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS));
        // One transaction, as one batch of the tracking processor: the screening row is loaded by
        // the first event and must not write the old title back when the cinema edit touches it.
        transactions.executeWithoutResult(status -> {
            projection.on(scheduled);
            projection.on(new FilmUpdatedEvent(
                    FilmId.of(catalogue.filmId),
                    "Harbour Lights II",
                    110,
                    AgeRating.PG,
                    Set.of(Genre.DRAMA),
                    LocalDate.now().minusDays(3),
                    null));
            projection.on(new dev.cinema.contracts.catalogue.cinema.CinemaUpdatedEvent(
                    CinemaId.of(catalogue.cinemaId),
                    "Cine Gran Via",
                    new Address("Gran Via 1", "Madrid", "28013", "ES"),
                    ZoneId.of("Europe/Madrid")));
        });
        ScreeningView view = queries.handle(
                        new FindScreeningQuery(scheduled.screeningId().value()))
                .orElseThrow();
        assertThat(view.filmTitle()).isEqualTo("Harbour Lights II");
        assertThat(view.cinemaName()).isEqualTo("Cine Gran Via");
    }

    // ---------------------------------------------------------------- helpers

    record Catalogue(String locationId, String cinemaId, String screenId, String filmId) {}

    Catalogue catalogue(ZoneId zone) {
        LocationId location = LocationId.random();
        CinemaId cinema = CinemaId.random();
        ScreenId screen = ScreenId.random();
        FilmId film = FilmId.random();
        publish(location.value(), new LocationCreatedEvent(location, "Kanto"));
        publish(
                cinema.value(),
                new CinemaCreatedEvent(
                        cinema,
                        location,
                        "Shibuya Cinema",
                        new Address("1-2-3 Dogenzaka", "Tokyo", "150-0043", "JP"),
                        zone));
        publish(screen.value(), new ScreenCreatedEvent(screen, cinema, "Screen 7", ScreenFormat.IMAX, layout()));
        publish(
                film.value(),
                new FilmCreatedEvent(
                        film,
                        "Harbour Lights",
                        110,
                        AgeRating.PG,
                        Set.of(Genre.DRAMA),
                        LocalDate.now().minusDays(3),
                        "Ships pass in the night."));
        return new Catalogue(location.value(), cinema.value(), screen.value(), film.value());
    }

    /** Until the tracking processor has folded the catalogue's film, cinema and screen. */
    void awaitCatalogue(Catalogue catalogue) {
        await().atMost(CATCH_UP).untilAsserted(() -> {
            assertThat(http.get("/api/films/" + catalogue.filmId, null).status())
                    .isEqualTo(200);
            assertThat(http.get("/api/cinemas/" + catalogue.cinemaId, null).text("screenCount"))
                    .isEqualTo("1");
        });
    }

    String schedule(Catalogue catalogue, Instant startsAt) {
        ScreeningId id = ScreeningId.random();
        publish(id.value(), scheduledEvent(catalogue, id, startsAt));
        return id.value();
    }

    static ScreeningScheduledEvent scheduledEvent(Catalogue catalogue, ScreeningId id, Instant startsAt) {
        return new ScreeningScheduledEvent(
                id,
                FilmId.of(catalogue.filmId),
                ScreenId.of(catalogue.screenId),
                CinemaId.of(catalogue.cinemaId),
                startsAt,
                startsAt.plus(110, ChronoUnit.MINUTES),
                layout(),
                Map.of(SeatType.STANDARD, Money.of(1500, "JPY"), SeatType.PREMIUM, Money.of(2100, "JPY")),
                true);
    }

    static SeatLayout layout() {
        return new SeatLayout(List.of(
                new SeatRow(
                        "A",
                        List.of(
                                LayoutCell.seat("1", SeatType.STANDARD),
                                LayoutCell.gap(),
                                LayoutCell.seat("2", SeatType.STANDARD))),
                new SeatRow(
                        "B",
                        List.of(
                                LayoutCell.seat("1", SeatType.PREMIUM),
                                LayoutCell.seat("2", SeatType.PREMIUM),
                                LayoutCell.seat("3", SeatType.PREMIUM)))));
    }

    /** Appends an event to the store as the next event of its aggregate, as a command would. */
    void publish(String aggregateId, Object event) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        transactions.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>(
                event.getClass().getSimpleName().replace("CreatedEvent", ""), aggregateId, sequence, event)));
    }

    static SeatsHeldEvent held(ScreeningId screening, BookingId booking, String... seats) {
        return new SeatsHeldEvent(
                screening,
                booking,
                AccountId.random(),
                java.util.stream.Stream.of(seats)
                        .map(seat -> new SeatPrice(
                                seat,
                                seat.startsWith("A") ? SeatType.STANDARD : SeatType.PREMIUM,
                                Money.of(seat.startsWith("A") ? 1500 : 2100, "JPY")))
                        .toList(),
                Instant.now().plus(10, ChronoUnit.MINUTES));
    }

    void awaitFreeSeats(String screeningId, int free) {
        await().atMost(CATCH_UP)
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(
                                http.get("/api/screenings/" + screeningId, null).text("freeSeats"))
                        .isEqualTo(Integer.toString(free)));
    }

    Response awaitItems(String path, int count) {
        Response[] last = new Response[1];
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            last[0] = http.get(path, null);
            assertThat(last[0].body().get("items")).hasSize(count);
        });
        return last[0];
    }

    static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    static List<String> ids(Response page) {
        List<String> ids = new ArrayList<>();
        page.body().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.raw()).isTrue();
        assertThat(response.errorFields()).as(response.raw()).contains(field);
    }
}
