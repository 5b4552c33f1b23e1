package dev.cinema.platform.observability;

import dev.cinema.platform.ops.ProcessorStatuses;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * What both apps need to be watched: the request correlation id (header, MDC, message metadata),
 * the event processors' readiness and their metrics. Before Axon's auto-configuration, so that
 * Axon sees this module's correlation data provider and keeps its own default one only where the
 * app declares none (see {@link #platformMessageOriginProvider()}).
 */
@AutoConfiguration(before = AxonAutoConfiguration.class)
@EnableConfigurationProperties(MetricsScrapeProperties.class)
public class ObservabilityAutoConfiguration {

    /** First of all filters: every answer, a 401 or a 413 included, names its correlation id. */
    @Bean
    FilterRegistrationBean<RequestCorrelationFilter> requestCorrelationFilter() {
        FilterRegistrationBean<RequestCorrelationFilter> registration =
                new FilterRegistrationBean<>(new RequestCorrelationFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Copies the request id onto whatever a message's handling causes (events, deadlines, commands). */
    @Bean
    CorrelationDataProvider requestIdCorrelation() {
        return RequestCorrelation.correlationDataProvider();
    }

    /**
     * Axon's default provider (correlation and trace ids of the causing message) steps aside once
     * an app declares a provider of its own; the command side declares it again itself, the query
     * side gets it here.
     */
    @Bean
    @ConditionalOnMissingBean(name = "messageOriginProvider")
    CorrelationDataProvider platformMessageOriginProvider() {
        return new MessageOriginProvider();
    }

    /**
     * Every event processor (projections, policies, sagas, lookups; also those registered in code)
     * names the request id of the event it handles in its log lines.
     */
    @Bean
    ConfigurerModule requestIdInEventHandlerLogs() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerDefaultHandlerInterceptor((config, name) -> RequestCorrelation.mdcInterceptor()));
    }

    @Bean
    @ConditionalOnMissingBean(EventProcessorsNeeded.class)
    EventProcessorsNeeded everyEventProcessorIsNeeded() {
        return EventProcessorsNeeded.all();
    }

    /** Named so that its health component is {@code eventProcessors} (part of readiness). */
    @Bean
    EventProcessorsHealthIndicator eventProcessorsHealthIndicator(Configuration axon, EventProcessorsNeeded needed) {
        return new EventProcessorsHealthIndicator(axon, needed);
    }

    @Bean
    EventProcessorMetrics eventProcessorMetrics(
            Configuration axon, ProcessorStatuses statuses, MeterRegistry registry) {
        return new EventProcessorMetrics(axon, statuses, registry);
    }
}
