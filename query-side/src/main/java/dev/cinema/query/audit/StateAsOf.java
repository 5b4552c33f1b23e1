package dev.cinema.query.audit;

import java.time.Instant;

/**
 * An aggregate's state as of an instant: a fold of its events stored up to and including that
 * instant, with the same folds the read models use.
 *
 * @param asOf          the instant asked for (now when none was)
 * @param eventsApplied how many of its events the state folds
 * @param lastEvent     the last of them
 */
record StateAsOf<S>(String aggregateId, Instant asOf, int eventsApplied, AppliedEvent lastEvent, S state) {

    /** The last event folded into the state. */
    record AppliedEvent(long sequence, String eventId, String type, Instant at) {}
}
