package dev.cinema.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The read side: projections tailing the event store, query handlers and the REST query API. */
@SpringBootApplication
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
