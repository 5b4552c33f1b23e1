package dev.cinema.command.config;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    static final String CATALOGUE_LOOKUP = "command-catalogue-lookup";
    static final String ACCOUNT_LOOKUP = "command-account-lookup";
    static final String BOOKING_POLICY = "command-booking-policy";

    /** Injected into handlers that compare against "now", so that tests can fix the time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Copies the sender onto every event a command causes, so history says who did what. What a
     * deadline causes (a hold running out) was done by the system, not by whoever scheduled it.
     */
    @Bean
    CorrelationDataProvider sentByCorrelation() {
        return message -> {
            if (message instanceof DeadlineMessage<?>) {
                return Map.of(CommandBusInterceptors.SENT_BY, CommandBusInterceptors.SYSTEM);
            }
            Object sender = message.getMetaData().get(CommandBusInterceptors.SENT_BY);
            return sender == null ? Map.of() : Map.of(CommandBusInterceptors.SENT_BY, sender);
        };
    }

    /**
     * The lookups guard rules that span aggregates. Axon's default logs a failing event handler
     * and carries on, which would commit events whose lookup row is missing (and so let a later
     * overlapping screening or duplicate e-mail through). Propagating the failure rolls the whole
     * command back instead.
     */
    @Bean
    ConfigurerModule lookupFailuresRollBackTheCommand() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(CATALOGUE_LOOKUP, c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(ACCOUNT_LOOKUP, c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(BOOKING_POLICY, c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(
                        "command-booking-index", c -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler("command-refund-retry", c -> PropagatingErrorHandler.instance())
                // A settlement that fails (provider down) is retried by the tracking processor, not skipped.
                .registerListenerInvocationErrorHandler(
                        "command-screening-cancellation", c -> PropagatingErrorHandler.instance()));
    }

    /**
     * Screenings are the hot aggregates (every hold of a showing goes through one): caching them
     * saves replaying their events per command. Safe with several command-side processes: a stale
     * entry makes the append fail on the (aggregate, sequence) key, the unit of work rolls back
     * and evicts it, and the caller is told to retry.
     */
    @Bean
    Cache screeningCache(@Value("${cinema.booking.cache-screenings:true}") boolean enabled) {
        return enabled ? new WeakReferenceCache() : NoCache.INSTANCE;
    }

    /**
     * A screening with many holds would otherwise be rebuilt from all of them whenever it is not
     * in the cache (another process, a restart, an evicted entry): a snapshot every N events bounds
     * that work.
     */
    @Bean
    SnapshotTriggerDefinition screeningSnapshotTrigger(
            Snapshotter snapshotter, @Value("${cinema.booking.screening-snapshot-every:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /**
     * Axon's default snapshotter runs in the committing thread while the aggregate is still
     * locked, and needs a database connection of its own: with every pooled connection held by
     * callers queued on that same lock (a hot screening), it waits for the pool and they for it.
     * A snapshot is an optimisation: it is taken on its own thread, after the command is done.
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(
            org.axonframework.config.Configuration configuration,
            HandlerDefinition handlerDefinition,
            ParameterResolverFactory parameterResolverFactory,
            EventStore eventStore,
            TransactionManager transactionManager,
            SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "aggregate-snapshotter");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }

    /** Declared because a provider bean of our own makes Axon drop its default one. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}
