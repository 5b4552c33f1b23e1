package dev.cinema.contracts.review;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.catalogue.film.FilmId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A customer withdraws their review of a film. */
public record DeleteReviewCommand(@TargetAggregateIdentifier ReviewId reviewId, FilmId filmId, AccountId customerId) {}
