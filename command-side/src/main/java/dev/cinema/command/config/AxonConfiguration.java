package dev.cinema.command.config;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
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

    /**
     * The gateway every controller and policy sends commands through: a command that lost a write
     * race to another writer of its aggregate is decided again on fresh state, so that customers
     * see an answer about their seats, never a technical conflict.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ConflictRetryScheduler conflictRetryScheduler) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(conflictRetryScheduler)
                .build();
    }

    @Bean
    ConflictRetryScheduler conflictRetryScheduler(
            ScheduledExecutorService commandRetryExecutor, ConflictRetryProperties retry) {
        return new ConflictRetryScheduler(
                commandRetryExecutor, retry.maxAttempts(), retry.firstBackoff(), retry.maxBackoff());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandRetryExecutor(ConflictRetryProperties retry) {
        AtomicInteger threads = new AtomicInteger();
        return Executors.newScheduledThreadPool(retry.threads(), runnable -> {
            Thread thread = new Thread(runnable, "command-retry-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Declared because a provider bean of our own makes Axon drop its default one. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}
