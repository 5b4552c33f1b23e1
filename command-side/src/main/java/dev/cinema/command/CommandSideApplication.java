package dev.cinema.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The write side: aggregates, command handlers, token issuing and the REST command API. */
@SpringBootApplication
// Each feature's settings are a @ConfigurationProperties record next to the code that uses them.
@ConfigurationPropertiesScan
public class CommandSideApplication {

    /**
     * Its configuration file is {@code command-side.yml}, not {@code application.yml}, so that it
     * can share one JVM (and one class path) with the query side in the standalone run.
     */
    public static final String CONFIG_NAME = "spring.config.name=command-side";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(CommandSideApplication.class).properties(CONFIG_NAME);
    }
}
