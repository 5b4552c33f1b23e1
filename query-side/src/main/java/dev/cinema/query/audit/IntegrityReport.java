package dev.cinema.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * What checking the hash chain found.
 *
 * @param eventsChecked   chained events checked
 * @param streamsChecked  streams they belong to (and streams a checkpoint knows of that have no event left)
 * @param unchainedEvents events stored before the chain existed: they carry no link, so nothing
 *                        vouches for them
 * @param brokenStreams   streams whose chain breaks somewhere
 * @param firstBroken     the first broken link (streams in the order the store lists them), or null
 *                        when every link holds
 * @param checkpoints     how the signed checkpoints themselves hold up
 */
record IntegrityReport(
        @Schema(nullable = true, description = "Null when the check started at the first event")
        Instant from,

        @Schema(nullable = true, description = "Null when the check went up to the last event")
        Instant to,

        long eventsChecked,
        long streamsChecked,
        long unchainedEvents,
        long brokenStreams,

        @Schema(nullable = true, description = "Null when every link holds")
        BrokenLink firstBroken,

        CheckpointsChecked checkpoints) {

    /**
     * @param checked          checkpoints whose signatures were checked
     * @param firstBroken      the first checkpoint that does not hold (its signature, its place in
     *                         the sequence of checkpoints, or its signed heads), or null
     * @param fault            what is wrong with it
     */
    record CheckpointsChecked(
            long checked,

            @Schema(nullable = true, description = "Null when every checkpoint holds")
            Long firstBroken,

            @Schema(nullable = true, description = "Null when every checkpoint holds")
            String fault) {}
}
