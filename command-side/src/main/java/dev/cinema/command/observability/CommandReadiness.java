package dev.cinema.command.observability;

import dev.cinema.platform.observability.EventProcessorsNeeded;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;

/**
 * The command side is ready when it can decide commands: the processors that run inside a
 * command's transaction (the subscribing lookups and policies) must be running. Its tracking
 * policies (settling cancelled screenings, raising alerts) are not counted: one of them stuck on
 * a poisonous event would otherwise take every command-side process out of the load balancer at
 * once, and stop bookings, for work that waits without harm. They are watched through
 * {@code cinema_processor_error} and {@code cinema_processor_lag} instead (docs/operations.md).
 */
@org.springframework.context.annotation.Configuration
class CommandReadiness {

    @Bean
    EventProcessorsNeeded processorsCommandsRunThrough(ObjectProvider<Configuration> axon) {
        return name -> axon.getObject()
                .eventProcessingConfiguration()
                .eventProcessor(name)
                .map(SubscribingEventProcessor.class::isInstance)
                .orElse(false);
    }
}
