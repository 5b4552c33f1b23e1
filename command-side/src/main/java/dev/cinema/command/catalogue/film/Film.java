package dev.cinema.command.catalogue.film;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.cinema.command.catalogue.Text;
import dev.cinema.contracts.catalogue.film.AgeRating;
import dev.cinema.contracts.catalogue.film.CreateFilmCommand;
import dev.cinema.contracts.catalogue.film.FilmCreatedEvent;
import dev.cinema.contracts.catalogue.film.FilmId;
import dev.cinema.contracts.catalogue.film.FilmRetiredEvent;
import dev.cinema.contracts.catalogue.film.FilmUpdatedEvent;
import dev.cinema.contracts.catalogue.film.Genre;
import dev.cinema.contracts.catalogue.film.RetireFilmCommand;
import dev.cinema.contracts.catalogue.film.UpdateFilmCommand;
import dev.cinema.platform.refusal.Refusal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A film in the catalogue. Its runtime decides how long its screenings occupy a screen. */
@Aggregate
class Film {

    static final int MAX_TITLE = 200;
    static final int MAX_SYNOPSIS = 4000;
    static final int MAX_RUNTIME_MINUTES = 600;
    static final int MAX_GENRES = 5;

    @AggregateIdentifier
    private FilmId filmId;

    private boolean retired;

    protected Film() {}

    @CommandHandler
    Film(CreateFilmCommand command) {
        apply(new FilmCreatedEvent(
                command.filmId(),
                Text.required(command.title(), "title", MAX_TITLE),
                runtime(command.runtimeMinutes()),
                rating(command.ageRating()),
                genres(command.genres()),
                releaseDate(command.releaseDate()),
                Text.optional(command.synopsis(), "synopsis", MAX_SYNOPSIS)));
    }

    @CommandHandler
    void handle(UpdateFilmCommand command) {
        if (retired) {
            throw new Refusal("film-retired", null, "Film " + filmId + " is retired");
        }
        apply(new FilmUpdatedEvent(
                filmId,
                Text.required(command.title(), "title", MAX_TITLE),
                runtime(command.runtimeMinutes()),
                rating(command.ageRating()),
                genres(command.genres()),
                releaseDate(command.releaseDate()),
                Text.optional(command.synopsis(), "synopsis", MAX_SYNOPSIS)));
    }

    @CommandHandler
    void handle(RetireFilmCommand command) {
        if (!retired) {
            apply(new FilmRetiredEvent(filmId));
        }
    }

    private static int runtime(int minutes) {
        if (minutes < 1 || minutes > MAX_RUNTIME_MINUTES) {
            throw new Refusal(
                    "invalid-runtime", "runtimeMinutes", "runtimeMinutes must be between 1 and " + MAX_RUNTIME_MINUTES);
        }
        return minutes;
    }

    private static AgeRating rating(AgeRating rating) {
        if (rating == null) {
            throw new Refusal("age-rating-required", "ageRating", "ageRating is required");
        }
        return rating;
    }

    private static Set<Genre> genres(Set<Genre> genres) {
        if (genres == null
                || genres.isEmpty()
                || genres.size() > MAX_GENRES
                || genres.stream().anyMatch(java.util.Objects::isNull)) {
            throw new Refusal("invalid-genres", "genres", "genres must name 1 to " + MAX_GENRES + " genres");
        }
        return EnumSet.copyOf(genres);
    }

    private static LocalDate releaseDate(LocalDate date) {
        if (date == null) {
            throw new Refusal("release-date-required", "releaseDate", "releaseDate is required");
        }
        if (date.getYear() < 1888 || date.getYear() > 2200) {
            throw new Refusal("invalid-release-date", "releaseDate", "releaseDate is out of range");
        }
        return date;
    }

    @EventSourcingHandler
    void on(FilmCreatedEvent event) {
        filmId = event.filmId();
    }

    @EventSourcingHandler
    void on(FilmRetiredEvent event) {
        retired = true;
    }
}
