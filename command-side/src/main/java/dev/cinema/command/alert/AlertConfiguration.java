package dev.cinema.command.alert;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The alert policy's processor ({@value AlertPolicy#GROUP}), declared here rather than in
 * command-side.yml because its first position cannot be said there. A tracking processor (one
 * thread, one segment, persistent token) whose very first token is a replay up to the head of the
 * store as it is then: the policy's booking index folds all of history, while the policy itself,
 * {@code @DisallowReplay}, raises nothing for it. Customers are not told today about what happened
 * before alerts existed; from then on every trigger raises its alert. The token is kept, so this
 * happens once, and the processor is never reset. A failure propagates: the processor retries
 * the event (with back-off) instead of skipping an alert.
 *
 * <p>Events are handled {@value #BATCH_SIZE} to a transaction: the policy sees every event of the
 * command side (two per seat hold), and one transaction and one token update per event cost the
 * hot path a commit per event it did not need. A batch that fails is handled again as a whole,
 * which the policy's idempotency (alert ids derived from the trigger) already allows.
 */
@Configuration(proxyBeanMethods = false)
class AlertConfiguration {

    static final int BATCH_SIZE = 100;

    @Bean
    ConfigurerModule alertPolicyProcessor() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(
                        AlertPolicy.GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(BATCH_SIZE)
                                .andInitialTrackingToken(
                                        source -> ReplayToken.createReplayToken(source.createHeadToken())))
                .registerListenerInvocationErrorHandler(AlertPolicy.GROUP, c -> PropagatingErrorHandler.instance()));
    }
}
