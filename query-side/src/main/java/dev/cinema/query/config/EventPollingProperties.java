package dev.cinema.query.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the query side learns of new events without Axon Server.
 *
 * @param eventPollInterval how often the shared event table is polled when nothing new was found.
 *     On PostgreSQL the command side's commits wake the reader at once ({@link NewEventsListener})
 *     and the poll is only the fallback (a lost listening connection, a notification that cannot
 *     pass, e.g. a transaction-pooling proxy); on H2 a new event waits for the next poll
 * @param eventFetchSize how many events one query of the event table reads at most: a processor
 *     that is behind (a replay) reads the store page by page, one query and one transaction per
 *     page; a processor that keeps up gets what is there, however large the page
 */
@ConfigurationProperties("cinema.query")
record EventPollingProperties(
        @DefaultValue("PT0.1S") Duration eventPollInterval,
        @DefaultValue("5000") int eventFetchSize) {}
