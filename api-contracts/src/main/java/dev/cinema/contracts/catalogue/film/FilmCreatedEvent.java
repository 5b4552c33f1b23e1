package dev.cinema.contracts.catalogue.film;

import java.time.LocalDate;
import java.util.Set;

/** A film was added. */
public record FilmCreatedEvent(
        FilmId filmId,
        String title,
        int runtimeMinutes,
        AgeRating ageRating,
        Set<Genre> genres,
        LocalDate releaseDate,
        String synopsis)
        implements FilmEvent {}
