package dev.cinema.contracts.review;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.catalogue.film.FilmId;

/**
 * A customer who saw the film reviewed it: the first time, or again after deleting the review.
 * {@code rating} is 1 to 5; {@code text} is plain text (never HTML), at most 2,000 characters, or
 * null for a rating alone.
 */
public record ReviewPostedEvent(ReviewId reviewId, FilmId filmId, AccountId customerId, int rating, String text)
        implements ReviewEvent {}
