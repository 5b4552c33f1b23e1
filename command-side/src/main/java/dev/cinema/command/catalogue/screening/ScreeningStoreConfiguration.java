package dev.cinema.command.catalogue.screening;

import dev.cinema.command.config.AggregateWriterLock;
import dev.cinema.command.config.SingleWriterLockFactory;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the {@link Screening} aggregate is loaded: named in its {@code @Aggregate} annotation. */
@Configuration(proxyBeanMethods = false)
class ScreeningStoreConfiguration {

    /**
     * Screenings are the hot aggregates (every hold of a showing goes through one): caching them
     * saves replaying their events per command. Safe with several command-side processes: a stale
     * entry makes the append fail on the (aggregate, sequence) key, the unit of work rolls back
     * and evicts it, and the command is decided again on fresh state.
     */
    @Bean
    Cache screeningCache(ScreeningStoreProperties properties) {
        return properties.cache() ? new WeakReferenceCache() : NoCache.INSTANCE;
    }

    /**
     * A screening with many holds would otherwise be rebuilt from all of them whenever it is not
     * in the cache (another process, a restart, an evicted entry): a snapshot every N events bounds
     * that work.
     */
    @Bean
    SnapshotTriggerDefinition screeningSnapshotTrigger(Snapshotter snapshotter, ScreeningStoreProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotEvery());
    }

    /**
     * Several command-side processes on one PostgreSQL database write the same hot screening: each
     * waits for the other's commit and checks its cached copy against the store before deciding
     * ({@link SingleWriterLockFactory}), instead of deciding on a stale copy, losing the append and
     * starting again. With Axon Server (no event store of ours to lock) Axon's own lock is used.
     */
    @Bean
    LockFactory screeningLockFactory(
            ObjectProvider<AggregateWriterLock> writers,
            Cache screeningCache,
            EventStore eventStore,
            SnapshotTriggerDefinition screeningSnapshotTrigger,
            ScreeningStoreProperties properties,
            ParameterResolverFactory parameterResolvers,
            HandlerDefinition handlerDefinition) {
        AggregateWriterLock lock = writers.getIfAvailable();
        if (lock == null || !properties.singleWriter()) {
            return PessimisticLockFactory.usingDefaults();
        }
        return new SingleWriterLockFactory<>(
                Screening.class,
                lock,
                screeningCache,
                eventStore,
                screeningSnapshotTrigger,
                parameterResolvers,
                handlerDefinition);
    }
}
