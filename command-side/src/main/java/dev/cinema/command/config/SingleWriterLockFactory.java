package dev.cinema.command.config;

import java.util.Objects;
import java.util.OptionalLong;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * The locks of a cached, event-sourced aggregate that several command-side processes write:
 * Axon's own lock inside this process, then {@link AggregateWriterLock} across processes, and
 * then the cached copy checked against the event store. A copy older than the store's last event
 * (another process wrote since) is brought up to date before Axon's repository looks for it, so
 * the command is decided on current state at the first attempt instead of losing the append and
 * being tried again. Axon's repository takes this lock before every load, always in the same order (this
 * process's lock first), and releases it when the unit of work is cleaned up.
 */
public final class SingleWriterLockFactory<T> implements LockFactory {

    private final LockFactory local = PessimisticLockFactory.usingDefaults();
    private final AggregateWriterLock writers;
    private final Cache cache;
    private final AggregateModel<T> model;
    private final EventStore eventStore;
    private final SnapshotTriggerDefinition snapshotTrigger;

    public SingleWriterLockFactory(
            Class<T> aggregateType,
            AggregateWriterLock writers,
            Cache cache,
            EventStore eventStore,
            SnapshotTriggerDefinition snapshotTrigger,
            ParameterResolverFactory parameterResolvers,
            HandlerDefinition handlerDefinition) {
        this.writers = writers;
        this.cache = cache;
        this.model = AnnotatedAggregateMetaModelFactory.inspectAggregate(
                aggregateType, parameterResolvers, handlerDefinition);
        this.eventStore = eventStore;
        this.snapshotTrigger = snapshotTrigger;
    }

    @Override
    public Lock obtainLock(String identifier) {
        Lock lock = local.obtainLock(identifier);
        try {
            OptionalLong last = writers.claim(identifier);
            if (last.isPresent()) {
                catchUp(identifier, last.getAsLong());
            }
            return lock;
        } catch (RuntimeException | Error e) {
            lock.release();
            throw e;
        }
    }

    /**
     * A cached copy behind the store (another process wrote since) is brought up to date with the
     * events it missed, a handful after a turn of the other process, rather than evicted: evicting
     * would rebuild a 1,500-seat screening from its snapshot and up to a snapshot's worth of
     * events at every turn. Only committed events are applied (the lock keeps anyone from writing
     * meanwhile), so the copy is right whatever this unit of work does next; a copy that cannot be
     * brought up to date is evicted, and Axon loads the aggregate afresh.
     */
    private void catchUp(String identifier, long lastInStore) {
        AggregateCacheEntry<T> entry = cache.get(identifier);
        if (entry == null) {
            return;
        }
        // The copy kept in memory is handed back as it is (nothing is replayed to read its version).
        EventSourcedAggregate<T> cached = entry.recreateAggregate(model, eventStore, snapshotTrigger);
        Long version = cached.version();
        if (version != null && version == lastInStore) {
            return;
        }
        if (version == null || version > lastInStore) {
            cache.remove(identifier);
            return;
        }
        try {
            cached.initializeState(eventStore.readEvents(identifier, version + 1));
        } catch (RuntimeException e) {
            cache.remove(identifier);
            throw e;
        }
        if (Objects.equals(cached.version(), lastInStore)) {
            cache.put(identifier, new AggregateCacheEntry<>(cached));
        } else {
            cache.remove(identifier);
        }
    }
}
