package dev.cinema.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The read side: projections tailing the event store, query handlers and the REST query API. */
@SpringBootApplication
// Each feature's settings are a @ConfigurationProperties record next to the code that uses them.
@ConfigurationPropertiesScan
public class QuerySideApplication {

    /** Its configuration is {@code query-side.yml}, so that it can share a JVM with the command side. */
    public static final String CONFIG_NAME = "spring.config.name=query-side";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(QuerySideApplication.class).properties(CONFIG_NAME);
    }
}
