package dev.cinema.contracts.review;

import dev.cinema.contracts.listing.Paging;

/**
 * Lists the visible reviews of a film: newest first ({@code sortBy} "writtenAt"), or best rated
 * first ({@code sortBy} "rating", newest first among equal ratings).
 */
public record FindFilmReviewsQuery(String filmId, Paging paging) {}
