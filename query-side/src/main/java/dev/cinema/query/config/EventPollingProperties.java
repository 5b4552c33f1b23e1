package dev.cinema.query.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the query side learns of new events without Axon Server.
 *
 * @param eventPollInterval how often the shared event table is polled when nothing new was found:
 *     a new event waits for the next poll (half the interval on average) before any projection
 *     sees it. 25 ms keeps that a small part of the 100 ms a hold may take to reach the live seat
 *     map; an idle query side pays 40 indexed one-row queries a second for it
 * @param eventFetchSize how many events one query of the event table reads at most: a processor
 *     that is behind (a replay) reads the store page by page, one query and one transaction per
 *     page; a processor that keeps up gets what is there, however large the page
 */
@ConfigurationProperties("cinema.query")
record EventPollingProperties(
        @DefaultValue("PT0.025S") Duration eventPollInterval,
        @DefaultValue("5000") int eventFetchSize) {}
