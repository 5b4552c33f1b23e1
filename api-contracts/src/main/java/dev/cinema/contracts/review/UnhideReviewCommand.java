package dev.cinema.contracts.review;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Staff show a hidden review again, for a reason. */
public record UnhideReviewCommand(@TargetAggregateIdentifier ReviewId reviewId, String reason) {}
