package dev.cinema.contracts.review;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.catalogue.film.FilmId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A customer writes their review of a film, or replaces it. {@code reviewId} must be
 * {@link ReviewId#of(AccountId, FilmId)} of the customer and the film.
 */
public record PostReviewCommand(
        @TargetAggregateIdentifier ReviewId reviewId, FilmId filmId, AccountId customerId, int rating, String text) {}
