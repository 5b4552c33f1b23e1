package dev.cinema.query.rebuild;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the rebuildable projections' processors run and how rebuilds are driven.
 *
 * @param batchSize events per processor transaction (both slots) of a projection that reads and
 *     writes its rows per event (through JPA, whose session grows with the batch)
 * @param replayBatchSize events per processor transaction (both slots) of a projection that folds
 *     a batch in memory and writes it once ({@link Rebuildable#foldsPerBatch()}): what makes a
 *     replay fast; live batches hold only what has arrived, so live processing is not slowed. A
 *     batch must commit within Axon's token claim timeout
 *     ({@code axon.eventhandling.tokenstore.claim-timeout}, 10 s), or another node may claim the
 *     segment and this node's commit fails (the batch is then processed again)
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
        @DefaultValue("20000") int replayBatchSize,
        @DefaultValue("PT0.25S") Duration pollInterval,
        @DefaultValue("PT15S") Duration claimTimeout,
        @DefaultValue("20") int consistentCutAttempts) {}
