package dev.cinema.query.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QuerySideConfiguration {

    /** "Now" for listings (now showing, upcoming screenings); replaceable in tests. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
