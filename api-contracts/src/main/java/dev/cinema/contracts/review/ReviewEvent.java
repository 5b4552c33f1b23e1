package dev.cinema.contracts.review;

/**
 * Every event the Review aggregate applies. Sealed, so that a new one has to be added here, and
 * the event coverage test then asks every read model that shows reviews what it does with it.
 */
public sealed interface ReviewEvent
        permits ReviewPostedEvent, ReviewRevisedEvent, ReviewDeletedEvent, ReviewHiddenEvent, ReviewUnhiddenEvent {

    ReviewId reviewId();
}
