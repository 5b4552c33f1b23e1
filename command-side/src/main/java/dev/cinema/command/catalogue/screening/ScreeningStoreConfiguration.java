package dev.cinema.command.catalogue.screening;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
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
}
