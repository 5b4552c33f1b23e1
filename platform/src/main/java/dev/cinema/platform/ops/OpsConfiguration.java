package dev.cinema.platform.ops;

import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every app offers its operators: the status of its event processors and its dead letters.
 * Each app exposes them under its own security; which processing groups get a dead-letter queue
 * is the app's choice (see {@link DeadLetterQueues}).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class OpsConfiguration {

    @Bean
    ProcessorErrors processorErrors() {
        return new ProcessorErrors();
    }

    /**
     * Every processor of the app notes its failures (see {@link ProcessorErrors}), keeping Axon's
     * default behaviour. An app that needs another default error handler wraps it the same way.
     */
    @Bean
    ConfigurerModule processorErrorRecording(ProcessorErrors errors) {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultErrorHandler(config -> errors.recording(PropagatingErrorHandler.instance())));
    }

    @Bean
    DeadLetters deadLetters(Configuration axon, JdbcTemplate jdbc) {
        return new DeadLetters(axon, jdbc);
    }

    @Bean
    ProcessorStatuses processorStatuses(
            Configuration axon, JdbcTemplate jdbc, ProcessorErrors errors, DeadLetters deadLetters) {
        return new ProcessorStatuses(axon, jdbc, errors, deadLetters);
    }
}
