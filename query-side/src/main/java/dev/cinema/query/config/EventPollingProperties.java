package dev.cinema.query.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the query side learns of new events without Axon Server.
 *
 * @param eventPollInterval how often the shared event table is polled when nothing new was found
 */
@ConfigurationProperties("cinema.query")
record EventPollingProperties(@DefaultValue("PT0.1S") Duration eventPollInterval) {}
