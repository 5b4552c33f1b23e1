package dev.cinema.query.config;

import java.time.Clock;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QuerySideConfiguration {

    /**
     * A projection that cannot fold an event must stop and retry, not skip it: Axon's default
     * logs and moves on, which would lose the event from the read model for good. The tracking
     * processor releases its segment and retries with back-off (safe on 4.13.0 because the
     * timeout interceptor is off, see query-side.yml).
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
