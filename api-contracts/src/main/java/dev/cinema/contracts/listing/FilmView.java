package dev.cinema.contracts.listing;

import dev.cinema.contracts.catalogue.film.AgeRating;
import dev.cinema.contracts.catalogue.film.Genre;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A film in listings; {@code nextScreeningAt} is its next screening on sale, if any;
 * {@code averageRating} the mean of its visible reviews' ratings to one decimal (null without
 * reviews), over {@code reviewCount} reviews.
 */
public record FilmView(
        String id,
        String title,
        int runtimeMinutes,
        AgeRating ageRating,
        Set<Genre> genres,
        LocalDate releaseDate,
        String synopsis,
        Instant nextScreeningAt,
        Double averageRating,
        int reviewCount) {}
