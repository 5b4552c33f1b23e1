package dev.cinema.contracts.review;

import dev.cinema.contracts.catalogue.film.FilmId;

/**
 * Staff hid the review from the public list and the film's rating, for {@code reason}. It stays
 * hidden through the author's edits, a deletion and a new review, until staff unhide it.
 */
public record ReviewHiddenEvent(ReviewId reviewId, FilmId filmId, String reason) implements ReviewEvent {}
