package dev.cinema.command.config;

import java.time.Clock;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /** Injected into handlers that compare against "now", so that tests can fix the time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Copies the sender onto every event a command causes, so history says who did what. */
    @Bean
    CorrelationDataProvider sentByCorrelation() {
        return new SimpleCorrelationDataProvider(CommandBusInterceptors.SENT_BY);
    }

    /** Declared because a provider bean of our own makes Axon drop its default one. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}
