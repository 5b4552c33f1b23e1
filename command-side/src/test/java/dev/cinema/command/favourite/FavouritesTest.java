package dev.cinema.command.favourite;

import static dev.cinema.command.Refusals.refusal;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.cinema.command.catalogue.lookup.CatalogueLookup;
import dev.cinema.command.catalogue.lookup.LookupEntry;
import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.favourite.AddFavouriteCommand;
import dev.cinema.contracts.favourite.FavouriteAddedEvent;
import dev.cinema.contracts.favourite.FavouriteKind;
import dev.cinema.contracts.favourite.FavouriteRemovedEvent;
import dev.cinema.contracts.favourite.FavouritesId;
import dev.cinema.contracts.favourite.RemoveFavouriteCommand;
import dev.cinema.platform.refusal.Refusal;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Favourites through {@link KeepingFavourites}, with the catalogue lookup as a test double. */
class FavouritesTest {

    private static final AccountId CUSTOMER = AccountId.of("customer-1");
    private static final FavouritesId FAVOURITES = FavouritesId.of(CUSTOMER);

    private final CatalogueLookup catalogue = mock(CatalogueLookup.class);
    private FixtureConfiguration<Favourites> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Favourites.class);
        fixture.registerAnnotatedCommandHandler(new KeepingFavourites(fixture.getRepository(), catalogue));
    }

    private static AddFavouriteCommand add(FavouriteKind kind, String itemId) {
        return new AddFavouriteCommand(FAVOURITES, CUSTOMER, kind, itemId);
    }

    private static RemoveFavouriteCommand remove(FavouriteKind kind, String itemId) {
        return new RemoveFavouriteCommand(FAVOURITES, CUSTOMER, kind, itemId);
    }

    private static FavouriteAddedEvent added(FavouriteKind kind, String itemId) {
        return new FavouriteAddedEvent(FAVOURITES, CUSTOMER, kind, itemId);
    }

    private static FavouriteRemovedEvent removed(FavouriteKind kind, String itemId) {
        return new FavouriteRemovedEvent(FAVOURITES, CUSTOMER, kind, itemId);
    }

    @Test
    void aCustomersFirstFavouriteStartsTheirFavourites() {
        fixture.givenNoPriorActivity()
                .when(add(FavouriteKind.FILM, "film-1"))
                .expectEvents(added(FavouriteKind.FILM, "film-1"))
                .expectResultMessagePayload(true);
    }

    @Test
    void aFavouriteAddedAgainRecordsNothing() {
        fixture.given(added(FavouriteKind.CINEMA, "cinema-1"))
                .when(add(FavouriteKind.CINEMA, "cinema-1"))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void eachKindIsItsOwnList() {
        fixture.given(added(FavouriteKind.FILM, "item-1"), added(FavouriteKind.CINEMA, "cinema-1"))
                .when(add(FavouriteKind.LOCATION, "location-1"))
                .expectEvents(added(FavouriteKind.LOCATION, "location-1"));
    }

    @Test
    void aFavouriteIsRemoved() {
        fixture.given(added(FavouriteKind.LOCATION, "location-1"))
                .when(remove(FavouriteKind.LOCATION, "location-1"))
                .expectEvents(removed(FavouriteKind.LOCATION, "location-1"))
                .expectResultMessagePayload(true);
    }

    @Test
    void removingWhatIsNoFavouriteRecordsNothing() {
        fixture.given(added(FavouriteKind.FILM, "film-1"))
                .when(remove(FavouriteKind.FILM, "film-2"))
                .expectNoEvents()
                .expectResultMessagePayload(false);
        fixture.given(added(FavouriteKind.FILM, "film-1"), removed(FavouriteKind.FILM, "film-1"))
                .when(remove(FavouriteKind.FILM, "film-1"))
                .expectNoEvents();
    }

    @Test
    void removingBeforeAnyFavouriteRecordsNothing() {
        fixture.givenNoPriorActivity()
                .when(remove(FavouriteKind.CINEMA, "cinema-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aRemovedFavouriteCanBeAddedAgain() {
        fixture.given(added(FavouriteKind.FILM, "film-1"), removed(FavouriteKind.FILM, "film-1"))
                .when(add(FavouriteKind.FILM, "film-1"))
                .expectEvents(added(FavouriteKind.FILM, "film-1"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "FILM, FILM, film-not-found",
        "CINEMA, CINEMA, cinema-not-found",
        "LOCATION, LOCATION, location-not-found"
    })
    void anUnknownOrRetiredItemIsNotFoundWhetherAddedOrRemoved(
            FavouriteKind kind, LookupEntry.Kind lookupKind, String code) {
        when(catalogue.requireListed(lookupKind, "gone")).thenThrow(new Refusal(code, null, "No such item"));

        fixture.givenNoPriorActivity()
                .when(add(kind, "gone"))
                .expectException(refusal(code, null))
                .expectNoEvents();
        fixture.given(added(kind, "gone"))
                .when(remove(kind, "gone"))
                .expectException(refusal(code, null))
                .expectNoEvents();
    }

    @Test
    void aCustomerKeepsAtMostAHundredFavouritesOfAKind() {
        Object[] hundredFilms = IntStream.range(0, Favourites.MAX_PER_KIND)
                .mapToObj(i -> added(FavouriteKind.FILM, "film-" + i))
                .toArray();

        fixture.given(hundredFilms)
                .when(add(FavouriteKind.FILM, "film-100"))
                .expectException(refusal("favourites-full", null))
                .expectNoEvents();
        fixture.given(hundredFilms)
                .when(add(FavouriteKind.CINEMA, "cinema-1"))
                .expectEvents(added(FavouriteKind.CINEMA, "cinema-1"));
        fixture.given(hundredFilms).when(add(FavouriteKind.FILM, "film-7")).expectNoEvents();
    }

    @Test
    void favouritesCanOnlyBeTheCustomersOwn() {
        fixture.givenNoPriorActivity()
                .when(new AddFavouriteCommand(
                        FavouritesId.of(AccountId.of("someone-else")), CUSTOMER, FavouriteKind.FILM, "film-1"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }
}
