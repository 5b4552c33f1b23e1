package dev.cinema.contracts.review;

import java.time.Instant;

/**
 * A review as the public sees it: the rating, the text (plain text, to be escaped by whoever shows
 * it), the name the reviewer registered with (never their e-mail or account), and when it was
 * written or last changed. {@code reviewId} is what staff hide it by.
 */
public record FilmReviewView(String reviewId, int rating, String text, String reviewer, Instant writtenAt) {}
