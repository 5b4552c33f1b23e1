package dev.cinema.query.config;

import java.util.List;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

/**
 * Axon's embedded event store, which can be told that another process committed events. Axon
 * wakes its reader only for events appended through this very store; the query side appends
 * none, so its processors otherwise wait for the next poll ({@link NewEventsListener}).
 */
final class NotifiedEventStore extends EmbeddedEventStore {

    NotifiedEventStore(Builder builder) {
        super(builder);
    }

    /** New events are in the table: fetch now if the reader is waiting for its next poll. */
    void newEventsCommitted() {
        // Axon's hook for "events of this store were committed" does exactly this and no more.
        afterCommit(List.of());
    }
}
