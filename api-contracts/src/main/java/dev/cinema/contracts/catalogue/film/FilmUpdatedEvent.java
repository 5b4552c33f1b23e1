package dev.cinema.contracts.catalogue.film;

import java.time.LocalDate;
import java.util.Set;

/** A film was edited. */
public record FilmUpdatedEvent(
        FilmId filmId,
        String title,
        int runtimeMinutes,
        AgeRating ageRating,
        Set<Genre> genres,
        LocalDate releaseDate,
        String synopsis)
        implements FilmEvent {}
