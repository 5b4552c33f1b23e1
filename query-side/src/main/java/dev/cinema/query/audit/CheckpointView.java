package dev.cinema.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A signed checkpoint of the event chain.
 *
 * @param number            checkpoints are numbered from 1, each signing over the one before it
 * @param storePosition     the global position of the newest event when it was made
 * @param streams           chained streams whose heads it vouches for (with the checkpoints before it)
 * @param events            events in those streams up to their heads
 * @param changedStreams    streams whose head moved since the checkpoint before it (signed here)
 * @param previousSignature the signature of the checkpoint before it
 * @param signature         HMAC-SHA256 over all of the above, with a key kept outside the database
 */
record CheckpointView(
        long number,
        Instant createdAt,
        String createdBy,

        @Schema(nullable = true, description = "Null when the store held no event yet")
        Long storePosition,

        long streams,
        long events,
        long changedStreams,

        @Schema(nullable = true, description = "Null for the first checkpoint")
        String previousSignature,

        String signature) {}
