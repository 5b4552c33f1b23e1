package dev.cinema.command.booking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hold desk: one writer per screening that takes the holds waiting for it in batches.
 *
 * @param enabled false sends every hold as a command of its own (one transaction per hold)
 * @param queueCapacity holds that may wait for one screening; one more is answered 429 with
 *     {@code Retry-After} at once, instead of waiting until it times out
 * @param maxBatch holds decided in one transaction at most
 * @param writers screenings written at the same time (each writer holds a database connection
 *     while it writes)
 * @param maxWait how long a hold may wait for its turn; one still waiting then is withdrawn and
 *     answered 429 (one already being written is always answered with its outcome)
 */
@ConfigurationProperties("cinema.booking.desk")
record HoldDeskProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("256") int queueCapacity,
        @DefaultValue("128") int maxBatch,
        @DefaultValue("4") int writers,
        @DefaultValue("PT5S") Duration maxWait) {}
