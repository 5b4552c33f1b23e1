package dev.cinema.command.config;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The command side's event store without Axon Server: Axon's JPA storage engine as its
 * auto-configuration builds it, but appending a transaction's events with one batched insert
 * ({@link BatchAppendingJpaEventStorageEngine}). Declaring it makes Axon's JPA auto-configuration
 * back off, so its entity package is registered here too; Axon still makes the event store on it.
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
            TransactionManager transactionManager) {
        return new BatchAppendingJpaEventStorageEngine(
                JpaEventStorageEngine.builder()
                        .snapshotSerializer(defaultSerializer)
                        .upcasterChain(configuration.upcasterChain())
                        .persistenceExceptionResolver(exceptionResolver)
                        .eventSerializer(eventSerializer)
                        .snapshotFilter(configuration.snapshotFilter())
                        .entityManagerProvider(entityManagerProvider),
                transactionManager);
    }

    /** One writer per aggregate across command-side processes sharing this event store's database. */
    @Bean
    AggregateWriterLock aggregateWriterLock(EntityManagerProvider entityManagerProvider) {
        return new AggregateWriterLock(entityManagerProvider);
    }
}
