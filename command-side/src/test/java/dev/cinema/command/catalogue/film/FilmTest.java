package dev.cinema.command.catalogue.film;

import static dev.cinema.command.Refusals.refusal;

import dev.cinema.contracts.catalogue.film.AgeRating;
import dev.cinema.contracts.catalogue.film.CreateFilmCommand;
import dev.cinema.contracts.catalogue.film.FilmCreatedEvent;
import dev.cinema.contracts.catalogue.film.FilmId;
import dev.cinema.contracts.catalogue.film.FilmRetiredEvent;
import dev.cinema.contracts.catalogue.film.FilmUpdatedEvent;
import dev.cinema.contracts.catalogue.film.Genre;
import dev.cinema.contracts.catalogue.film.RetireFilmCommand;
import dev.cinema.contracts.catalogue.film.UpdateFilmCommand;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilmTest {

    private static final FilmId FILM = FilmId.of("film-1");
    private static final LocalDate RELEASED = LocalDate.of(2030, 4, 3);
    private static final Set<Genre> GENRES = Set.of(Genre.SCIENCE_FICTION, Genre.DRAMA);
    private static final FilmCreatedEvent CREATED =
            new FilmCreatedEvent(FILM, "Arrival", 116, AgeRating.PG_13, GENRES, RELEASED, "Linguists meet visitors.");

    private FixtureConfiguration<Film> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Film.class);
    }

    private static CreateFilmCommand create(int runtimeMinutes, Set<Genre> genres) {
        return new CreateFilmCommand(
                FILM, "Arrival", runtimeMinutes, AgeRating.PG_13, genres, RELEASED, "Linguists meet visitors.");
    }

    @Test
    void creatingAFilmEmitsFilmCreatedWithTrimmedText() {
        fixture.givenNoPriorActivity()
                .when(new CreateFilmCommand(
                        FILM, "  Arrival ", 116, AgeRating.PG_13, GENRES, RELEASED, " Linguists meet visitors. "))
                .expectEvents(CREATED);
    }

    @Test
    void aBlankSynopsisIsStoredAsNoSynopsis() {
        fixture.givenNoPriorActivity()
                .when(new CreateFilmCommand(FILM, "Arrival", 116, AgeRating.PG_13, GENRES, RELEASED, "   "))
                .expectEvents(new FilmCreatedEvent(FILM, "Arrival", 116, AgeRating.PG_13, GENRES, RELEASED, null));
    }

    @ParameterizedTest(name = "{0} minutes")
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 601})
    void aRuntimeOutsideOneToSixHundredMinutesIsRefused(int minutes) {
        fixture.givenNoPriorActivity()
                .when(create(minutes, GENRES))
                .expectException(refusal("invalid-runtime", "runtimeMinutes"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0} minutes")
    @ValueSource(ints = {1, 600})
    void theShortestAndLongestRuntimesAreAccepted(int minutes) {
        fixture.givenNoPriorActivity()
                .when(create(minutes, GENRES))
                .expectEvents(new FilmCreatedEvent(
                        FILM, "Arrival", minutes, AgeRating.PG_13, GENRES, RELEASED, "Linguists meet visitors."));
    }

    @Test
    void aFilmWithoutGenresIsRefused() {
        fixture.givenNoPriorActivity()
                .when(create(116, Set.of()))
                .expectException(refusal("invalid-genres", "genres"))
                .expectNoEvents();
    }

    @Test
    void aFilmWithMissingGenresIsRefused() {
        fixture.givenNoPriorActivity()
                .when(create(116, null))
                .expectException(refusal("invalid-genres", "genres"))
                .expectNoEvents();
    }

    @Test
    void aFilmWithMoreThanFiveGenresIsRefused() {
        Set<Genre> six =
                EnumSet.of(Genre.ACTION, Genre.ADVENTURE, Genre.COMEDY, Genre.CRIME, Genre.DRAMA, Genre.FAMILY);

        fixture.givenNoPriorActivity()
                .when(create(116, six))
                .expectException(refusal("invalid-genres", "genres"))
                .expectNoEvents();
    }

    @Test
    void aFilmWithoutAnAgeRatingIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateFilmCommand(FILM, "Arrival", 116, null, GENRES, RELEASED, null))
                .expectException(refusal("age-rating-required", "ageRating"))
                .expectNoEvents();
    }

    @Test
    void aReleaseDateBeforeCinemaExistedIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateFilmCommand(
                        FILM, "Arrival", 116, AgeRating.PG_13, GENRES, LocalDate.of(1887, 12, 31), null))
                .expectException(refusal("invalid-release-date", "releaseDate"))
                .expectNoEvents();
    }

    @Test
    void updatingAFilmEmitsItsNewDetails() {
        fixture.given(CREATED)
                .when(new UpdateFilmCommand(
                        FILM, "Arrival (Director's Cut)", 120, AgeRating.PG_13, Set.of(Genre.DRAMA), RELEASED, null))
                .expectEvents(new FilmUpdatedEvent(
                        FILM, "Arrival (Director's Cut)", 120, AgeRating.PG_13, Set.of(Genre.DRAMA), RELEASED, null));
    }

    @Test
    void updatingAFilmChecksTheRuntimeAsCreationDoes() {
        fixture.given(CREATED)
                .when(new UpdateFilmCommand(FILM, "Arrival", 0, AgeRating.PG_13, GENRES, RELEASED, null))
                .expectException(refusal("invalid-runtime", "runtimeMinutes"))
                .expectNoEvents();
    }

    @Test
    void aRetiredFilmCannotBeUpdated() {
        fixture.given(CREATED, new FilmRetiredEvent(FILM))
                .when(new UpdateFilmCommand(FILM, "Arrival", 116, AgeRating.PG_13, GENRES, RELEASED, null))
                .expectException(refusal("film-retired", null))
                .expectNoEvents();
    }

    @Test
    void retiringAFilmEmitsFilmRetired() {
        fixture.given(CREATED).when(new RetireFilmCommand(FILM)).expectEvents(new FilmRetiredEvent(FILM));
    }

    @Test
    void retiringARetiredFilmAgainEmitsNothing() {
        fixture.given(CREATED, new FilmRetiredEvent(FILM))
                .when(new RetireFilmCommand(FILM))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
