package dev.cinema.contracts.review;

import dev.cinema.contracts.catalogue.film.FilmId;

/** Staff showed a hidden review again, for {@code reason}. */
public record ReviewUnhiddenEvent(ReviewId reviewId, FilmId filmId, String reason) implements ReviewEvent {}
