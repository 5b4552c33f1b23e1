package dev.cinema.query.favourite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.catalogue.cinema.Address;
import dev.cinema.contracts.catalogue.cinema.CinemaId;
import dev.cinema.contracts.catalogue.cinema.CinemaRetiredEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaUpdatedEvent;
import dev.cinema.contracts.catalogue.film.AgeRating;
import dev.cinema.contracts.catalogue.film.FilmCreatedEvent;
import dev.cinema.contracts.catalogue.film.FilmId;
import dev.cinema.contracts.catalogue.film.FilmRetiredEvent;
import dev.cinema.contracts.catalogue.film.Genre;
import dev.cinema.contracts.catalogue.location.LocationId;
import dev.cinema.contracts.catalogue.location.LocationRenamedEvent;
import dev.cinema.contracts.catalogue.screen.ScreenId;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.catalogue.screening.ScreeningScheduledEvent;
import dev.cinema.contracts.favourite.FavouriteAddedEvent;
import dev.cinema.contracts.favourite.FavouriteKind;
import dev.cinema.contracts.favourite.FavouriteRemovedEvent;
import dev.cinema.contracts.favourite.FavouritesId;
import dev.cinema.contracts.favourite.FavouritesView;
import dev.cinema.contracts.favourite.FindFavouritesQuery;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer's favourites, and the film and screening listings narrowed to them, fed with events
 * written straight into the shared event store, as the command side would. Runs on H2 and on
 * PostgreSQL.
 */
@SpringBootTest(
        classes = QuerySideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = QuerySideApplication.CONFIG_NAME)
@ContextConfiguration(initializers = TestKeys.class)
abstract class FavouriteApiIntegrationTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(15);
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    FavouriteProjection projection;

    @Autowired
    FavouriteQueries queries;

    @Autowired
    FavouriteRows favourites;

    @Autowired
    FavouriteItemRows items;

    JsonHttp http;
    EventFeed events;

    @BeforeEach
    void connect() {
        http = JsonHttp.localhost(port);
        events = new EventFeed(eventStore, transactions);
    }

    @Test
    void aCustomerSeesTheirFavouritesByKindAndNameAndNobodyElseDoes() {
        Catalogue catalogue = events.catalogue(LISBON);
        String zebra = film("Zebra Crossing");
        String alpha = film("alpha Centauri");
        AccountId customer = AccountId.random();
        String token = TestTokens.valid(customer.value(), "CUSTOMER");
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        add(customer, FavouriteKind.FILM, zebra, at);
        add(customer, FavouriteKind.FILM, alpha, at.plusSeconds(1));
        add(customer, FavouriteKind.FILM, catalogue.filmId(), at.plusSeconds(2));
        add(customer, FavouriteKind.CINEMA, catalogue.cinemaId(), at.plusSeconds(3));
        add(customer, FavouriteKind.LOCATION, catalogue.locationId(), at.plusSeconds(4));

        Response mine = awaitFavourites(
                token, view -> assertThat(view.body().get("locations")).hasSize(1));
        assertThat(names(mine, "films")).containsExactly("alpha Centauri", "Night Train", "Zebra Crossing");
        assertThat(mine.text("films/0/id")).isEqualTo(alpha);
        assertThat(Instant.parse(mine.text("films/0/addedAt"))).isEqualTo(at.plusSeconds(1));
        assertThat(names(mine, "cinemas")).containsExactly("Cine Lumière");
        assertThat(mine.text("cinemas/0/id")).isEqualTo(catalogue.cinemaId());
        assertThat(names(mine, "locations")).containsExactly("Rive Gauche");

        String stranger = TestTokens.customer();
        Response theirs = http.get("/api/me/favourites", stranger);
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.body().get("films")).isEmpty();
        assertThat(theirs.body().get("cinemas")).isEmpty();
        assertThat(theirs.body().get("locations")).isEmpty();
        assertThat(http.get("/api/me/favourites", null).status()).isEqualTo(401);
    }

    @Test
    void renamesShowRemovedAndRetiredItemsLeaveTheList() {
        Catalogue catalogue = events.catalogue(LISBON);
        String retired = film("Soon Gone");
        AccountId customer = AccountId.random();
        String token = TestTokens.valid(customer.value(), "CUSTOMER");
        add(customer, FavouriteKind.FILM, catalogue.filmId(), Instant.now());
        add(customer, FavouriteKind.FILM, retired, Instant.now());
        add(customer, FavouriteKind.CINEMA, catalogue.cinemaId(), Instant.now());
        add(customer, FavouriteKind.LOCATION, catalogue.locationId(), Instant.now());
        awaitFavourites(token, view -> assertThat(view.body().get("films")).hasSize(2));

        events.publish(
                catalogue.locationId(), new LocationRenamedEvent(LocationId.of(catalogue.locationId()), "Rive Droite"));
        events.publish(
                catalogue.cinemaId(),
                new CinemaUpdatedEvent(
                        CinemaId.of(catalogue.cinemaId()),
                        "Cine Lumière Bis",
                        new Address("2 Rue de Rennes", "Paris", "75006", "FR"),
                        LISBON));
        events.publish(retired, new FilmRetiredEvent(FilmId.of(retired)));
        events.publish(
                FavouritesId.of(customer).value(),
                new FavouriteRemovedEvent(FavouritesId.of(customer), customer, FavouriteKind.FILM, catalogue.filmId()));

        Response mine = awaitFavourites(token, view -> {
            assertThat(view.body().get("films")).isEmpty();
            assertThat(names(view, "locations")).containsExactly("Rive Droite");
        });
        assertThat(names(mine, "cinemas")).containsExactly("Cine Lumière Bis");

        events.publish(catalogue.cinemaId(), new CinemaRetiredEvent(CinemaId.of(catalogue.cinemaId())));
        awaitFavourites(token, view -> assertThat(view.body().get("cinemas")).isEmpty());
    }

    @Test
    void listingsNarrowToTheCallersFavouritesWhenAsked() {
        // Two locations, each with a cinema and a screen; three films.
        Catalogue north = events.catalogue(LISBON);
        Catalogue south = events.catalogue(LISBON);
        String third = film("Third Film");
        Instant day = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        String northFilmNorth = events.schedule(north, day);
        String southFilmSouth = events.schedule(south, day);
        String thirdNorth = schedule(third, north, day.plus(4, ChronoUnit.HOURS));
        String thirdSouth = schedule(third, south, day.plus(4, ChronoUnit.HOURS));
        AccountId customer = AccountId.random();
        String token = TestTokens.valid(customer.value(), "CUSTOMER");

        // No favourites yet: nothing, not everything.
        await().atMost(CATCH_UP)
                .until(() -> http.get("/api/screenings/" + thirdSouth, null).status() == 200);
        assertThat(http.get("/api/films?favourites=true", token).body().get("items"))
                .isEmpty();
        assertThat(http.get("/api/screenings?favourites=true", token).body().get("items"))
                .isEmpty();

        add(customer, FavouriteKind.FILM, third, Instant.now());
        add(customer, FavouriteKind.CINEMA, north.cinemaId(), Instant.now());
        awaitFavourites(token, view -> assertThat(view.body().get("cinemas")).hasSize(1));

        Response films = http.get("/api/films?favourites=true&size=100", token);
        assertThat(films.status()).as(films.raw()).isEqualTo(200);
        assertThat(ids(films)).containsExactly(third);
        // Screenings of a favourite film, or at a favourite cinema.
        Response screenings = http.get("/api/screenings?favourites=true&size=100", token);
        assertThat(ids(screenings)).containsExactlyInAnyOrder(northFilmNorth, thirdNorth, thirdSouth);
        // Combined with the other filters.
        assertThat(ids(http.get("/api/screenings?favourites=true&cinemaId=" + south.cinemaId(), token)))
                .containsExactly(thirdSouth);
        // Or in a favourite location.
        add(customer, FavouriteKind.LOCATION, south.locationId(), Instant.now());
        await().atMost(CATCH_UP)
                .untilAsserted(() -> assertThat(ids(http.get("/api/screenings?favourites=true&size=100", token)))
                        .containsExactlyInAnyOrder(northFilmNorth, southFilmSouth, thirdNorth, thirdSouth));
        // Without favourites=true, or for someone else, the listings are the same for everyone.
        assertThat(ids(http.get("/api/screenings?size=100&cinemaId=" + south.cinemaId(), token)))
                .containsExactlyInAnyOrder(southFilmSouth, thirdSouth);
        assertThat(http.get("/api/screenings?favourites=true", TestTokens.customer())
                        .body()
                        .get("items"))
                .isEmpty();
        assertThat(ids(http.get("/api/films?favourites=true&availability=NOW_SHOWING", token)))
                .containsExactly(third);
        assertThat(ids(http.get("/api/films?favourites=true&availability=COMING_SOON", token)))
                .isEmpty();
    }

    @Test
    void favouritesWithoutATokenAreRefusedNeverAnsweredEmpty() {
        for (String path : List.of("/api/films?favourites=true", "/api/screenings?favourites=true")) {
            Response refused = http.get(path, null);
            assertThat(refused.status()).as(path).isEqualTo(401);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.text("code")).isEqualTo("token-required");
        }
        assertThat(http.get("/api/films?favourites=false", null).status()).isEqualTo(200);
        assertThat(http.get("/api/films?favourites=maybe", null).status()).isEqualTo(400);
    }

    @Test
    void foldingFavouritesTwiceLeavesTheSameList() {
        Catalogue catalogue = events.catalogue(LISBON);
        await().atMost(CATCH_UP)
                .until(() -> items.existsById(FavouriteItemRow.key(FavouriteKind.FILM, catalogue.filmId())));
        AccountId customer = AccountId.random();
        FavouritesId id = FavouritesId.of(customer);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        FavouriteAddedEvent film = new FavouriteAddedEvent(id, customer, FavouriteKind.FILM, catalogue.filmId());
        FavouriteAddedEvent cinema = new FavouriteAddedEvent(id, customer, FavouriteKind.CINEMA, catalogue.cinemaId());
        FavouriteRemovedEvent noFilm = new FavouriteRemovedEvent(id, customer, FavouriteKind.FILM, catalogue.filmId());
        FavouriteAddedEvent filmAgain = new FavouriteAddedEvent(id, customer, FavouriteKind.FILM, catalogue.filmId());
        Runnable foldAll = () -> transactions.executeWithoutResult(status -> {
            projection.on(film, 0, at);
            projection.on(cinema, 1, at);
            projection.on(noFilm, 2, at.plusSeconds(1));
            projection.on(filmAgain, 3, at.plusSeconds(2));
        });
        foldAll.run();
        FavouritesView once = queries.handle(new FindFavouritesQuery(customer.value()));
        foldAll.run();
        transactions.executeWithoutResult(status -> projection.on(noFilm, 2, at.plusSeconds(1)));
        FavouritesView twice = queries.handle(new FindFavouritesQuery(customer.value()));

        assertThat(twice).isEqualTo(once);
        assertThat(twice.films()).hasSize(1);
        assertThat(twice.films().get(0).addedAt()).isEqualTo(at.plusSeconds(2));
        assertThat(twice.cinemas()).hasSize(1);
    }

    @Test
    void aResetEmptiesTheFavouriteTables() {
        Catalogue catalogue = events.catalogue(LISBON);
        AccountId customer = AccountId.random();
        add(customer, FavouriteKind.FILM, catalogue.filmId(), Instant.now());
        await().atMost(CATCH_UP).until(() -> favourites.count() > 0 && items.count() > 0);
        // Rolled back, so that the other tests sharing this database keep their favourites.
        transactions.executeWithoutResult(status -> {
            projection.reset();
            assertThat(favourites.count()).isZero();
            assertThat(items.count()).isZero();
            status.setRollbackOnly();
        });
        assertThat(favourites.count()).isPositive();
    }

    // ---------------------------------------------------------------- helpers

    private String film(String title) {
        FilmId film = FilmId.random();
        events.publish(
                film.value(),
                new FilmCreatedEvent(
                        film,
                        title,
                        95,
                        AgeRating.PG,
                        Set.of(Genre.DRAMA),
                        LocalDate.now().minusDays(3),
                        null));
        return film.value();
    }

    private String schedule(String filmId, Catalogue at, Instant startsAt) {
        ScreeningScheduledEvent scheduled = new ScreeningScheduledEvent(
                ScreeningId.random(),
                FilmId.of(filmId),
                ScreenId.of(at.screenId()),
                CinemaId.of(at.cinemaId()),
                startsAt,
                startsAt.plus(95, ChronoUnit.MINUTES),
                EventFeed.LAYOUT,
                EventFeed.PRICES,
                true);
        events.publish(scheduled.screeningId().value(), scheduled);
        return scheduled.screeningId().value();
    }

    private void add(AccountId customer, FavouriteKind kind, String itemId, Instant at) {
        FavouritesId id = FavouritesId.of(customer);
        events.publish(id.value(), new FavouriteAddedEvent(id, customer, kind, itemId), at);
    }

    private Response awaitFavourites(String token, Consumer<Response> condition) {
        Response[] last = new Response[1];
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            last[0] = http.get("/api/me/favourites", token);
            assertThat(last[0].status()).as(last[0].raw()).isEqualTo(200);
            condition.accept(last[0]);
        });
        return last[0];
    }

    private static List<String> names(Response view, String kind) {
        List<String> names = new ArrayList<>();
        view.body().get(kind).forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    private static List<String> ids(Response page) {
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.body().get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
