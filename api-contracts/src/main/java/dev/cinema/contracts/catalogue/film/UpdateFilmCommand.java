package dev.cinema.contracts.catalogue.film;

import java.time.LocalDate;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Edits a film. */
public record UpdateFilmCommand(
        @TargetAggregateIdentifier FilmId filmId,
        String title,
        int runtimeMinutes,
        AgeRating ageRating,
        Set<Genre> genres,
        LocalDate releaseDate,
        String synopsis) {}
