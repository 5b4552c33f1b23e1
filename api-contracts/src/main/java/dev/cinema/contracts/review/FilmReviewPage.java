package dev.cinema.contracts.review;

import dev.cinema.contracts.listing.PageInfo;
import java.util.List;

/**
 * A page of a film's visible reviews, with the film's average rating (one decimal, null without
 * reviews) and the number of visible reviews it is taken over.
 */
public record FilmReviewPage(List<FilmReviewView> items, PageInfo page, Double averageRating, int reviewCount) {}
