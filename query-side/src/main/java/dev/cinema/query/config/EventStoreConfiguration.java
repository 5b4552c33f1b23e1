package dev.cinema.query.config;

import dev.cinema.query.live.PeerChannel;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Without Axon Server the query side learns of new events only by polling the shared event table:
 * the command side commits in another process (or another context), which this event store is
 * not told about. Axon polls once a second by default; a shorter interval keeps the listings close
 * behind the command API. Declaring the event store makes Axon's JPA auto-configuration back off,
 * so the storage engine and its entity package are declared here too, as Axon builds them but for
 * the size of a page of events (a replay reads the store a page per query and transaction) and for
 * timestamps parsed once ({@link TimestampOnceJpaEventStorageEngine}). With Axon Server events are
 * pushed and none of this is used.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
class EventStoreConfiguration {

    @Bean
    EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            PersistenceExceptionResolver exceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            Configuration configuration,
            EntityManagerProvider entityManagerProvider,
            TransactionManager transactionManager,
            EventPollingProperties polling) {
        return new TimestampOnceJpaEventStorageEngine(
                JpaEventStorageEngine.builder()
                        .batchSize(polling.eventFetchSize())
                        .snapshotSerializer(defaultSerializer)
                        .upcasterChain(configuration.upcasterChain())
                        .persistenceExceptionResolver(exceptionResolver)
                        .eventSerializer(eventSerializer)
                        .snapshotFilter(configuration.snapshotFilter())
                        .entityManagerProvider(entityManagerProvider),
                transactionManager);
    }

    @Bean
    NotifiedEventStore eventStore(
            EventStorageEngine storageEngine, Configuration configuration, EventPollingProperties polling) {
        return new NotifiedEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .fetchDelay(polling.eventPollInterval().toMillis()));
    }

    /** On PostgreSQL the command side's commits wake the reader; the poll remains the fallback. */
    @Bean
    NewEventsListener newEventsListener(DataSource dataSource, NotifiedEventStore eventStore, List<PeerChannel> peers) {
        return new NewEventsListener(dataSource, eventStore, peers);
    }
}
