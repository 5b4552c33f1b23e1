package dev.cinema.platform.ops;

import java.util.function.Predicate;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.deadletter.jpa.JpaSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.util.DeadLetterQueueProviderConfigurerModule;

/**
 * Gives every processing group that {@code groups} accepts Axon's JPA dead-letter queue (table
 * {@code dead_letter_entry}), decided by name when Axon assigns the group its handlers, so that a
 * group registered later, or in code, gets one too. A handler that throws then parks its event,
 * and every later event of the same sequence (aggregate) is parked behind it, while the processor
 * carries on with the other sequences.
 *
 * <p>The invoker of each such group: clears the group's letters when its processor's tokens are
 * reset (a rebuilt read model starts again from the first event, so the letters of the old one go
 * with it); remembers which sequences it parked, so that an event costs no query while the queue
 * is empty; and records each failure as its processor's last error.
 *
 * <p>Declared as Axon's own module type, so that Axon's auto-configured one (dead-letter queues by
 * {@code axon.eventhandling.processors.<name>.dlq.enabled}) steps aside and this is the one rule.
 */
public class DeadLetterQueues extends DeadLetterQueueProviderConfigurerModule {

    private final Predicate<String> groups;
    private final EntityManagerProvider entityManagerProvider;
    private final TransactionManager transactionManager;
    private final Serializer genericSerializer;
    private final Serializer eventSerializer;
    private final ProcessorErrors errors;

    public DeadLetterQueues(
            Predicate<String> groups,
            EventProcessorProperties properties,
            EntityManagerProvider entityManagerProvider,
            TransactionManager transactionManager,
            Serializer genericSerializer,
            Serializer eventSerializer,
            ProcessorErrors errors) {
        super(properties, group -> null);
        this.groups = groups;
        this.entityManagerProvider = entityManagerProvider;
        this.transactionManager = transactionManager;
        this.genericSerializer = genericSerializer;
        this.eventSerializer = eventSerializer;
        this.errors = errors;
    }

    @Override
    public void configureModule(Configurer configurer) {
        EventProcessingConfigurer processing = configurer.eventProcessing();
        processing.registerDeadLetterQueueProvider(group -> {
            if (!groups.test(group)) {
                return null;
            }
            // Asked for each group before its invoker is built: the invoker's settings go with the queue.
            processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                    group,
                    (config, invoker) -> invoker.allowReset(true)
                            .enableSequenceIdentifierCache()
                            .enqueuePolicy(recordingPolicy(config, group)));
            return config -> JpaSequencedDeadLetterQueue.<EventMessage<?>>builder()
                    .processingGroup(group)
                    .entityManagerProvider(entityManagerProvider)
                    .transactionManager(transactionManager)
                    .genericSerializer(genericSerializer)
                    .eventSerializer(eventSerializer)
                    .build();
        });
    }

    /** Axon's default decision (park it, with the cause cut to size), noting the failure first. */
    private EnqueuePolicy<EventMessage<?>> recordingPolicy(Configuration config, String group) {
        return (letter, cause) -> {
            errors.record(
                    config.eventProcessingConfiguration()
                            .eventProcessorByProcessingGroup(group)
                            .map(EventProcessor::getName)
                            .orElse(group),
                    cause);
            return Decisions.enqueue(ThrowableCause.truncated(cause));
        };
    }
}
