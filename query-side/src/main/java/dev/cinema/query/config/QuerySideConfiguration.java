package dev.cinema.query.config;

import dev.cinema.platform.ops.DeadLetterQueues;
import dev.cinema.platform.ops.ProcessorErrors;
import java.time.Clock;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QuerySideConfiguration {

    /** Every projection's processing group is named so (unique across both apps). */
    static final String PROJECTION_GROUPS = "query-";

    /**
     * A projection that cannot fold an event parks it, with every later event of its aggregate,
     * in Axon's JPA dead-letter queue (table {@code dead_letter_entry}) and carries on with the
     * other aggregates; an analyst retries it once the cause is fixed, or discards it
     * ({@code /api/ops/dead-letters}). Decided by the group's name, so that a group registered in
     * code later gets a queue too. Resetting a group's processor clears its letters.
     */
    @Bean
    DeadLetterQueues projectionDeadLetterQueues(
            EventProcessorProperties properties,
            EntityManagerProvider entityManagerProvider,
            TransactionManager transactionManager,
            Serializer serializer,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            ProcessorErrors errors) {
        return new DeadLetterQueues(
                group -> group.startsWith(PROJECTION_GROUPS),
                properties,
                entityManagerProvider,
                transactionManager,
                serializer,
                eventSerializer,
                errors);
    }

    /**
     * For a group without a dead-letter queue, a handler failure must stop the segment and be
     * retried, not be skipped: Axon's default logs and moves on, which would lose the event from
     * the read model for good. The tracking processor releases its segment and retries with
     * back-off (safe on 4.13.0 because the timeout interceptor is off, see query-side.yml).
     * Groups with a queue do not use this handler: their invoker catches the failure and parks
     * the event itself.
     */
    @Bean
    ConfigurerModule projectionFailuresAreRetried() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
    }

    /** "Now" for listings (now showing, upcoming screenings); replaceable in tests. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
