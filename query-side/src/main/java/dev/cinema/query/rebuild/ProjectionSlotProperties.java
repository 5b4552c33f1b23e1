package dev.cinema.query.rebuild;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the rebuildable projections' processors run and how rebuilds are driven.
 *
 * @param batchSize events per processor transaction (both slots)
 * @param pollInterval how often each node reads the slot table (which slot answers, which
 *     processors run); a switch reaches every node within this time
 * @param claimTimeout how long a processor's claim on a segment holds after its node was last
 *     heard of; a rebuild waits for claims younger than this to be released
 * @param consistentCutAttempts how often a rebuild tries to stop both slots at the same position
 *     before it gives up (under heavy write load the two can keep missing each other)
 */
@ConfigurationProperties("cinema.projections")
record ProjectionSlotProperties(
        @DefaultValue("100") int batchSize,
        @DefaultValue("PT0.25S") Duration pollInterval,
        @DefaultValue("PT15S") Duration claimTimeout,
        @DefaultValue("20") int consistentCutAttempts) {}
