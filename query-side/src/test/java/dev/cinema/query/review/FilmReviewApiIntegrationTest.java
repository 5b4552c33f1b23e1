package dev.cinema.query.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.account.AccountRegisteredEvent;
import dev.cinema.contracts.account.Role;
import dev.cinema.contracts.catalogue.film.FilmId;
import dev.cinema.contracts.listing.Paging;
import dev.cinema.contracts.review.FilmReviewPage;
import dev.cinema.contracts.review.FindFilmReviewsQuery;
import dev.cinema.contracts.review.ReviewDeletedEvent;
import dev.cinema.contracts.review.ReviewHiddenEvent;
import dev.cinema.contracts.review.ReviewId;
import dev.cinema.contracts.review.ReviewPostedEvent;
import dev.cinema.contracts.review.ReviewRevisedEvent;
import dev.cinema.contracts.review.ReviewUnhiddenEvent;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.JsonHttp.Response;
import dev.cinema.platform.testsupport.TestKeys;
import dev.cinema.query.QuerySideApplication;
import dev.cinema.query.testing.EventFeed;
import dev.cinema.query.testing.EventFeed.Catalogue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
 * A film's reviews and its rating in the listings, fed with events written straight into the
 * shared event store, as the command side would. Runs on H2 and on PostgreSQL.
 */
@SpringBootTest(
        classes = QuerySideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = QuerySideApplication.CONFIG_NAME)
@ContextConfiguration(initializers = TestKeys.class)
abstract class FilmReviewApiIntegrationTest {

    private static final Duration CATCH_UP = Duration.ofSeconds(15);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ReviewProjection projection;

    @Autowired
    ReviewQueries queries;

    @Autowired
    ReviewRows reviews;

    @Autowired
    ReviewerRows reviewers;

    JsonHttp http;
    EventFeed events;

    @BeforeEach
    void connect() {
        http = JsonHttp.localhost(port);
        events = new EventFeed(eventStore, transactions);
    }

    @Test
    void aFilmsReviewsAreNewestFirstSignedWithTheRegisteredNameBesideTheAverage() {
        Catalogue catalogue = events.catalogue(PARIS);
        AccountId ada = register("Ada");
        AccountId grace = register("Grace");
        AccountId unknown = AccountId.random();
        Instant first = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        ReviewId byAda = post(catalogue, ada, 4, "<script>alert('hi')</script> & more", first);
        ReviewId byGrace = post(catalogue, grace, 5, "Superb.", first.plus(1, ChronoUnit.HOURS));
        ReviewId byUnknown = post(catalogue, unknown, 2, null, first.plus(2, ChronoUnit.HOURS));

        Response page = awaitReviews(
                catalogue.filmId(),
                "",
                list -> assertThat(list.body().get("items")).hasSize(3));
        assertThat(ids(page)).containsExactly(byUnknown.value(), byGrace.value(), byAda.value());
        assertThat(page.text("items/2/rating")).isEqualTo("4");
        assertThat(page.text("items/2/text")).isEqualTo("<script>alert('hi')</script> & more");
        assertThat(page.text("items/2/reviewer")).isEqualTo("Ada");
        assertThat(Instant.parse(page.text("items/2/writtenAt"))).isEqualTo(first);
        assertThat(page.text("items/1/reviewer")).isEqualTo("Grace");
        assertThat(page.text("items/0/reviewer"))
                .as("an author the read model never saw registering")
                .isNull();
        assertThat(page.text("items/0/text")).as("a rating alone").isNull();
        assertThat(page.text("averageRating")).isEqualTo("3.7");
        assertThat(page.text("reviewCount")).isEqualTo("3");
        assertThat(page.raw())
                .as("no account id or e-mail of a reviewer")
                .doesNotContain(ada.value(), grace.value(), unknown.value(), "@example.org");

        Response byRating = http.get("/api/films/" + catalogue.filmId() + "/reviews?sort=rating", null);
        assertThat(ids(byRating)).containsExactly(byGrace.value(), byAda.value(), byUnknown.value());

        Response film = http.get("/api/films/" + catalogue.filmId(), null);
        assertThat(film.text("averageRating")).isEqualTo("3.7");
        assertThat(film.text("reviewCount")).isEqualTo("3");
        Response listed = http.get("/api/films?size=100", null);
        JsonNode item = item(listed, catalogue.filmId());
        assertThat(item.get("averageRating").asDouble()).isEqualTo(3.7);
        assertThat(item.get("reviewCount").asInt()).isEqualTo(3);
    }

    @Test
    void aFilmWithoutReviewsHasNoAverage() {
        Catalogue catalogue = events.catalogue(PARIS);
        await().atMost(CATCH_UP)
                .until(() -> http.get("/api/films/" + catalogue.filmId(), null).status() == 200);

        Response film = http.get("/api/films/" + catalogue.filmId(), null);
        assertThat(film.body().get("averageRating").isNull()).isTrue();
        assertThat(film.text("reviewCount")).isEqualTo("0");
        Response none = http.get("/api/films/" + catalogue.filmId() + "/reviews", null);
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body().get("items")).isEmpty();
        assertThat(none.body().get("averageRating").isNull()).isTrue();
        assertThat(none.text("reviewCount")).isEqualTo("0");
    }

    @Test
    void editsDeletionsAndHidesMoveTheListAndTheAverage() {
        Catalogue catalogue = events.catalogue(PARIS);
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        AccountId kept = AccountId.random();
        AccountId edited = AccountId.random();
        AccountId withdrawn = AccountId.random();
        AccountId hidden = AccountId.random();
        ReviewId keptId = post(catalogue, kept, 5, "Five.", at);
        ReviewId editedId = post(catalogue, edited, 5, "Five at first.", at.plusSeconds(1));
        ReviewId withdrawnId = post(catalogue, withdrawn, 1, "One.", at.plusSeconds(2));
        ReviewId hiddenId = post(catalogue, hidden, 1, "Spoiler!", at.plusSeconds(3));
        awaitReviews(
                catalogue.filmId(),
                "",
                page -> assertThat(page.text("reviewCount")).isEqualTo("4"));
        assertThat(http.get("/api/films/" + catalogue.filmId(), null).text("averageRating"))
                .isEqualTo("3.0");

        FilmId film = FilmId.of(catalogue.filmId());
        events.publish(
                editedId.value(),
                new ReviewRevisedEvent(editedId, film, edited, 2, "Less on reflection."),
                at.plusSeconds(10));
        events.publish(withdrawnId.value(), new ReviewDeletedEvent(withdrawnId, film, withdrawn));
        events.publish(hiddenId.value(), new ReviewHiddenEvent(hiddenId, film, "Spoiler"));

        // (5 + 2) / 2
        // The count and the page are two reads (H2's repeatable read is no snapshot): await both.
        Response page = awaitReviews(catalogue.filmId(), "", list -> {
            assertThat(list.text("reviewCount")).isEqualTo("2");
            assertThat(ids(list)).containsExactly(editedId.value(), keptId.value());
        });
        assertThat(page.text("averageRating")).isEqualTo("3.5");
        assertThat(page.text("items/0/text")).isEqualTo("Less on reflection.");
        assertThat(Instant.parse(page.text("items/0/writtenAt"))).isEqualTo(at.plusSeconds(10));
        assertThat(http.get("/api/films/" + catalogue.filmId(), null).text("averageRating"))
                .isEqualTo("3.5");

        // Written again, the hidden review stays hidden; unhidden, it counts again.
        events.publish(hiddenId.value(), new ReviewDeletedEvent(hiddenId, film, hidden));
        events.publish(hiddenId.value(), new ReviewPostedEvent(hiddenId, film, hidden, 3, "No spoilers now."));
        events.publish(withdrawnId.value(), new ReviewPostedEvent(withdrawnId, film, withdrawn, 4, "Back."));
        // H2's repeatable read lets a row appear between the count and the page: await both.
        awaitReviews(catalogue.filmId(), "", list -> {
            assertThat(list.text("reviewCount")).isEqualTo("3");
            assertThat(ids(list)).hasSize(3).doesNotContain(hiddenId.value());
        });
        events.publish(hiddenId.value(), new ReviewUnhiddenEvent(hiddenId, film, "Edited"));
        // (5 + 2 + 4 + 3) / 4
        Response all = awaitReviews(catalogue.filmId(), "", list -> {
            assertThat(list.text("reviewCount")).isEqualTo("4");
            assertThat(ids(list)).hasSize(4).contains(hiddenId.value());
        });
        assertThat(all.text("averageRating")).isEqualTo("3.5");
    }

    @Test
    void averagesRoundHalfUpToOneDecimal() {
        Catalogue catalogue = events.catalogue(PARIS);
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS);
        // (5 + 5 + 4 + 4 + 4 + 4 + 4 + 4) / 8 = 4.25 -> 4.3
        for (int rating : new int[] {5, 5, 4, 4, 4, 4, 4, 4}) {
            post(catalogue, AccountId.random(), rating, "x", at);
        }
        Response page = awaitReviews(
                catalogue.filmId(),
                "?size=3",
                list -> assertThat(list.text("reviewCount")).isEqualTo("8"));
        assertThat(page.text("averageRating")).isEqualTo("4.3");
        assertThat(page.body().get("items")).hasSize(3);
        assertThat(page.text("page/totalElements")).isEqualTo("8");
        assertThat(page.text("page/totalPages")).isEqualTo("3");
        Response last = http.get("/api/films/" + catalogue.filmId() + "/reviews?size=3&page=2", null);
        assertThat(last.body().get("items")).hasSize(2);
    }

    @Test
    void unknownFilmsAndBadParametersAreProblems() {
        Catalogue catalogue = events.catalogue(PARIS);
        await().atMost(CATCH_UP)
                .until(() -> http.get("/api/films/" + catalogue.filmId(), null).status() == 200);
        Response unknown = http.get("/api/films/" + UUID.randomUUID() + "/reviews", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("film-not-found");
        assertProblem(http.get("/api/films/" + catalogue.filmId() + "/reviews?sort=stars", null), 400, "sort");
        assertProblem(http.get("/api/films/" + catalogue.filmId() + "/reviews?size=0", null), 400, "size");
        assertProblem(http.get("/api/films/" + catalogue.filmId() + "/reviews?page=-1", null), 400, "page");
    }

    @Test
    void foldingEveryReviewEventTwiceLeavesTheSameList() {
        Catalogue catalogue = events.catalogue(PARIS);
        FilmId film = FilmId.of(catalogue.filmId());
        AccountId author = AccountId.random();
        AccountId other = AccountId.random();
        ReviewId id = ReviewId.of(author, film);
        ReviewId otherId = ReviewId.of(other, film);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        AccountRegisteredEvent registered =
                new AccountRegisteredEvent(author, "twice@example.org", "Twice", Set.of(Role.CUSTOMER), at);
        Runnable foldAll = () -> transactions.executeWithoutResult(status -> {
            projection.on(registered);
            projection.on(new ReviewPostedEvent(id, film, author, 5, "First."), 0, at);
            projection.on(new ReviewRevisedEvent(id, film, author, 3, "Second."), 1, at.plusSeconds(1));
            projection.on(new ReviewHiddenEvent(id, film, "Rude"), 2);
            projection.on(new ReviewUnhiddenEvent(id, film, "Fine"), 3);
            projection.on(new ReviewPostedEvent(otherId, film, other, 1, "Meh."), 0, at);
            projection.on(new ReviewDeletedEvent(otherId, film, other), 1);
        });
        foldAll.run();
        FilmReviewPage once = queries.handle(query(film));
        foldAll.run();
        // Older events again, out of order: none may bring back what came after it.
        transactions.executeWithoutResult(status -> {
            projection.on(new ReviewPostedEvent(id, film, author, 5, "First."), 0, at);
            projection.on(new ReviewHiddenEvent(id, film, "Rude"), 2);
            projection.on(new ReviewPostedEvent(otherId, film, other, 1, "Meh."), 0, at);
        });
        FilmReviewPage twice = queries.handle(query(film));

        assertThat(twice).isEqualTo(once);
        assertThat(twice.items()).hasSize(1);
        assertThat(twice.items().get(0).text()).isEqualTo("Second.");
        assertThat(twice.items().get(0).reviewer()).isEqualTo("Twice");
        assertThat(twice.averageRating()).isEqualTo(3.0);
    }

    @Test
    void aResetEmptiesTheReviewTables() {
        Catalogue catalogue = events.catalogue(PARIS);
        post(catalogue, register("Reset"), 4, "Kept.", Instant.now());
        await().atMost(CATCH_UP).until(() -> reviews.count() > 0 && reviewers.count() > 0);
        // Rolled back, so that the other tests sharing this database keep their reviews.
        transactions.executeWithoutResult(status -> {
            projection.reset();
            assertThat(reviews.count()).isZero();
            assertThat(reviewers.count()).isZero();
            status.setRollbackOnly();
        });
        assertThat(reviews.count()).isPositive();
    }

    // ---------------------------------------------------------------- helpers

    private AccountId register(String name) {
        AccountId account = AccountId.random();
        events.publish(
                account.value(),
                new AccountRegisteredEvent(
                        account,
                        name.toLowerCase() + "-" + account + "@example.org",
                        name,
                        Set.of(Role.CUSTOMER),
                        Instant.now()));
        return account;
    }

    private ReviewId post(Catalogue catalogue, AccountId author, int rating, String text, Instant at) {
        FilmId film = FilmId.of(catalogue.filmId());
        ReviewId id = ReviewId.of(author, film);
        events.publish(id.value(), new ReviewPostedEvent(id, film, author, rating, text), at);
        return id;
    }

    private static FindFilmReviewsQuery query(FilmId film) {
        return new FindFilmReviewsQuery(film.value(), new Paging(0, 20, ReviewQueries.NEWEST, Paging.Direction.DESC));
    }

    private Response awaitReviews(String filmId, String parameters, Consumer<Response> condition) {
        Response[] last = new Response[1];
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            last[0] = http.get("/api/films/" + filmId + "/reviews" + parameters, null);
            assertThat(last[0].status()).as(last[0].raw()).isEqualTo(200);
            condition.accept(last[0]);
        });
        return last[0];
    }

    private static List<String> ids(Response page) {
        List<String> ids = new ArrayList<>();
        page.body().get("items").forEach(item -> ids.add(item.get("reviewId").asText()));
        return ids;
    }

    private static JsonNode item(Response page, String id) {
        for (JsonNode item : page.body().get("items")) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " is not in " + page.raw());
    }

    static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.raw()).isTrue();
        assertThat(response.errorFields()).as(response.raw()).contains(field);
    }
}
