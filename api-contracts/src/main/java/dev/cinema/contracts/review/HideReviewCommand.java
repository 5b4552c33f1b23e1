package dev.cinema.contracts.review;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Staff hide a review from the public, for a reason. */
public record HideReviewCommand(@TargetAggregateIdentifier ReviewId reviewId, String reason) {}
