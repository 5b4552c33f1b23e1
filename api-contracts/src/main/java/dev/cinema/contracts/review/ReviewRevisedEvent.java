package dev.cinema.contracts.review;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.catalogue.film.FilmId;

/** The customer replaced their review of the film: this rating and text now stand instead of the old ones. */
public record ReviewRevisedEvent(ReviewId reviewId, FilmId filmId, AccountId customerId, int rating, String text)
        implements ReviewEvent {}
