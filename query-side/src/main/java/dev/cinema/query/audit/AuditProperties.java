package dev.cinema.query.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Auditors' tools on the query side (the chain's key is the platform's {@code cinema.audit.chain}).
 *
 * @param exportMaxPeriod    the longest period an export or its totals may cover (one year: 366
 *                           days, so that any calendar year fits); longer is a 400
 * @param checkpointInterval how often the heads of the chained streams are signed by themselves;
 *                           zero turns the schedule off (checkpoints can still be made on request)
 * @param fetchSize          rows read from the event store per round trip when streaming (export,
 *                           integrity, checkpoints, reconciliation): memory stays constant
 */
@ConfigurationProperties("cinema.audit")
record AuditProperties(
        @DefaultValue("P366D") Duration exportMaxPeriod,
        @DefaultValue("PT1H") Duration checkpointInterval,
        @DefaultValue("500") int fetchSize) {}
