package dev.cinema.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.alert.AlertId;
import dev.cinema.contracts.alert.InboxId;
import dev.cinema.contracts.catalogue.cinema.CinemaId;
import dev.cinema.contracts.catalogue.film.FilmId;
import dev.cinema.contracts.catalogue.location.LocationId;
import dev.cinema.contracts.catalogue.screen.ScreenId;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.favourite.FavouritesId;
import dev.cinema.contracts.review.ReviewId;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Axon routes a command to its aggregate and names the event stream by the id's {@code toString()},
 * so a record's default "CinemaId[value=...]" would silently create a second stream.
 */
class TypedIdsTest {

    static Stream<Arguments> ids() {
        return Stream.of(
                id("AccountId", AccountId::of, AccountId::random),
                id(
                        "AlertId",
                        AlertId::of,
                        () -> AlertId.derivedFrom(UUID.randomUUID().toString(), "")),
                id("InboxId", InboxId::of, () -> InboxId.of(AccountId.random())),
                id("CinemaId", CinemaId::of, CinemaId::random),
                id("FilmId", FilmId::of, FilmId::random),
                id("LocationId", LocationId::of, LocationId::random),
                id("ScreenId", ScreenId::of, ScreenId::random),
                id("ScreeningId", ScreeningId::of, ScreeningId::random),
                id("ReviewId", ReviewId::of, () -> ReviewId.of(AccountId.random(), FilmId.random())),
                id("FavouritesId", FavouritesId::of, () -> FavouritesId.of(AccountId.random())));
    }

    private static Arguments id(String name, Function<String, Object> of, Supplier<Object> random) {
        return arguments(name, of, random);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void anIdPrintsAsItsBareValue(String name, Function<String, Object> of, Supplier<Object> random) {
        assertThat(of.apply("8f14e45f")).hasToString("8f14e45f");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void idsWithTheSameValueAreEqual(String name, Function<String, Object> of, Supplier<Object> random) {
        assertThat(of.apply("abc")).isEqualTo(of.apply("abc")).isNotEqualTo(of.apply("abd"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void aBlankIdIsRefused(String name, Function<String, Object> of, Supplier<Object> random) {
        for (String blank : new String[] {"", " ", "\t\n"}) {
            assertThatThrownBy(() -> of.apply(blank))
                    .as("%s of %s", name, blank.replace("\t", "\\t").replace("\n", "\\n"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(name);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void aMissingIdIsRefused(String name, Function<String, Object> of, Supplier<Object> random) {
        assertThatThrownBy(() -> of.apply(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void randomIdsDiffer(String name, Function<String, Object> of, Supplier<Object> random) {
        Object first = random.get();

        assertThat(first.toString()).isNotBlank();
        assertThat(first).isNotEqualTo(random.get());
    }

    @Test
    void anInboxIdCanNeverBeTheIdOfTheAccountItBelongsTo() {
        AccountId account = AccountId.random();

        assertThat(InboxId.of(account).value()).isEqualTo("inbox-" + account.value());
    }

    @Test
    void anAlertIdIsTheSameForTheSameTriggerAndSubjectAndAUuid() {
        assertThat(AlertId.derivedFrom("event-1", "booking-1"))
                .isEqualTo(AlertId.derivedFrom("event-1", "booking-1"))
                .isNotEqualTo(AlertId.derivedFrom("event-1", "booking-2"))
                .isNotEqualTo(AlertId.derivedFrom("event-2", "booking-1"));
        assertThat(UUID.fromString(AlertId.derivedFrom("event-1", "").value()))
                .hasToString(AlertId.derivedFrom("event-1", "").value());
    }

    @Test
    void aCustomerHasOneReviewIdPerFilmThatNamesNeitherAndIsNoOtherAggregatesId() {
        AccountId customer = AccountId.of("3f1c9a52-0b7e-4d0e-9b8a-5c2d7e1f4a60");
        FilmId film = FilmId.of("9b2e4c71-6d3a-4f85-a1c0-7e5d2b8f3c94");

        ReviewId id = ReviewId.of(customer, film);

        assertThat(ReviewId.of(customer, film)).isEqualTo(id);
        assertThat(ReviewId.of(customer, FilmId.random())).isNotEqualTo(id);
        assertThat(ReviewId.of(AccountId.random(), film)).isNotEqualTo(id);
        assertThat(id.value()).startsWith("review-").doesNotContain(customer.value(), film.value());
        assertThat(id.value()).hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void aCustomerHasOneFavouritesIdThatIsNotTheAccountsOwn() {
        AccountId customer = AccountId.random();

        assertThat(FavouritesId.of(customer)).isEqualTo(FavouritesId.of(customer));
        assertThat(FavouritesId.of(customer).value())
                .isEqualTo("favourites-" + customer.value())
                .isNotEqualTo(customer.value());
    }
}
