package dev.cinema.contracts.review;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.catalogue.film.FilmId;

/** The customer withdrew their review of the film. They may review it again later. */
public record ReviewDeletedEvent(ReviewId reviewId, FilmId filmId, AccountId customerId) implements ReviewEvent {}
