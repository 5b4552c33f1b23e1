package dev.cinema.command.alert;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.cinema.command.catalogue.lookup.CatalogueLookup;
import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.alert.AlertDetails;
import dev.cinema.contracts.alert.AlertId;
import dev.cinema.contracts.alert.AlertRefs;
import dev.cinema.contracts.alert.AlertType;
import dev.cinema.contracts.alert.InboxId;
import dev.cinema.contracts.alert.RaiseAlertCommand;
import dev.cinema.contracts.catalogue.cinema.CinemaId;
import dev.cinema.contracts.catalogue.film.FilmId;
import dev.cinema.contracts.catalogue.screen.ScreenId;
import dev.cinema.contracts.catalogue.screen.SeatLayout;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.catalogue.screening.ScreeningScheduledEvent;
import dev.cinema.contracts.favourite.FavouriteKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who hears of a new screening: those whose favourite film it is, at a cinema or in a location they favour. */
class NewScreeningOfFavouritePolicyTest {

    private static final Instant AT = Instant.parse("2030-03-01T12:00:00Z");
    private static final Instant STARTS = Instant.parse("2030-03-08T19:30:00Z");
    private static final String EVENT = "event-1";
    private static final FilmId FILM = FilmId.of("film-1");
    private static final CinemaId CINEMA = CinemaId.of("cinema-1");
    private static final String LOCATION = "location-1";
    private static final ScreeningId SCREENING = ScreeningId.of("screening-1");

    private final AlertFavourites favourites = mock(AlertFavourites.class);
    private final CatalogueLookup catalogue = mock(CatalogueLookup.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final NewScreeningOfFavouritePolicy policy =
            new NewScreeningOfFavouritePolicy(favourites, catalogue, commands);
    private final Set<String> keys = new java.util.HashSet<>();
    private final List<AlertFavouriteEntry> fans = new ArrayList<>();

    @BeforeEach
    void setUp() {
        when(catalogue.locationOf(CINEMA.value())).thenReturn(Optional.of(LOCATION));
        when(favourites.findByKindAndItemIdOrderByCustomerId(FavouriteKind.FILM, FILM.value()))
                .thenReturn(fans);
        when(favourites.existsById(any())).thenAnswer(call -> keys.contains(call.<String>getArgument(0)));
    }

    private void favours(String customer, FavouriteKind kind, String item) {
        keys.add(AlertFavouriteEntry.key(customer, kind, item));
        if (kind == FavouriteKind.FILM) {
            fans.add(new AlertFavouriteEntry(customer, kind, item));
        }
    }

    private void scheduled() {
        policy.on(
                new ScreeningScheduledEvent(
                        SCREENING,
                        FILM,
                        ScreenId.of("screen-1"),
                        CINEMA,
                        STARTS,
                        STARTS.plusSeconds(6000),
                        new SeatLayout(List.of()),
                        Map.of(),
                        true),
                EVENT,
                AT);
    }

    private static RaiseAlertCommand alertFor(String customer) {
        AccountId account = AccountId.of(customer);
        return new RaiseAlertCommand(
                InboxId.of(account),
                account,
                AlertId.derivedFrom(EVENT, "customer-" + customer),
                AlertType.NEW_SCREENING_OF_FAVOURITE,
                new AlertRefs(null, SCREENING, FILM, null, null),
                AlertDetails.none().withStartsAt(STARTS),
                AT);
    }

    @Test
    void aFavouriteFilmAtAFavouriteCinemaIsToldToItsFan() {
        favours("ada", FavouriteKind.FILM, FILM.value());
        favours("ada", FavouriteKind.CINEMA, CINEMA.value());

        scheduled();

        verify(commands).sendAndWait(alertFor("ada"));
    }

    @Test
    void aFavouriteFilmInAFavouriteLocationIsToldToo() {
        favours("bea", FavouriteKind.FILM, FILM.value());
        favours("bea", FavouriteKind.LOCATION, LOCATION);

        scheduled();

        verify(commands).sendAndWait(alertFor("bea"));
    }

    @Test
    void aFavouriteFilmElsewhereOrAFavouriteCinemaShowingAnotherFilmSaysNothing() {
        favours("cy", FavouriteKind.FILM, FILM.value());
        favours("cy", FavouriteKind.CINEMA, "another-cinema");
        keys.add(AlertFavouriteEntry.key("dee", FavouriteKind.CINEMA, CINEMA.value()));

        scheduled();

        verify(commands, never()).sendAndWait(any());
    }
}
