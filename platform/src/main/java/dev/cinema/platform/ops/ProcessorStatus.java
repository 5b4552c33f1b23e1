package dev.cinema.platform.ops;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One event processor of an app as an analyst sees it: where each segment has read to (from the
 * token store, so a segment claimed by another process of the app counts too), how far behind the
 * head of the event store it is, whether it fails and how many events it has parked.
 */
@Schema(name = "ProcessorStatus")
public record ProcessorStatus(
        String name,
        Mode mode,

        @Schema(
                description = "Started in this process (a running processor may still have every segment claimed"
                        + " by another process)")
        boolean running,

        @Schema(description = "A segment of this process is failing now (it retries by itself, with back-off)")
        boolean error,

        @Schema(
                nullable = true,
                description = "The global index of the last event stored; null while the store is empty")
        Long headPosition,

        @Schema(
                nullable = true,
                description = "Events between the head and the segment that is furthest behind (approximate:"
                        + " global indexes have gaps); null for a subscribing processor, which handles each"
                        + " event in the transaction that stores it")
        Long lag,

        boolean replaying,

        @Schema(description = "Every segment follows the head live and none is failing")
        boolean caughtUp,

        @Schema(
                nullable = true,
                description = "Type and message of the last failure this process saw (a handler that threw,"
                        + " a segment in error), kept after it passed; null if none since the start")
        String lastError,

        @Schema(description = "Events parked in the dead-letter queue of the processor's processing groups")
        long deadLetters,

        List<SegmentStatus> segments) {

    /** How the processor reads events. */
    public enum Mode {
        TRACKING,
        POOLED,
        SUBSCRIBING
    }

    /** One segment: a share of the event stream (by sequence, e.g. per aggregate) with its own token. */
    @Schema(name = "SegmentStatus")
    public record SegmentStatus(
            int segment,

            @Schema(nullable = true, description = "Global index read up to; null before the first event")
            Long position,

            @Schema(
                    description = "Follows the head live and is not failing (for a segment another process holds:"
                            + " its position is the head's)")
            boolean caughtUp,

            boolean replaying,

            @Schema(
                    nullable = true,
                    description = "Type and message of the failure while this process's segment is in error")
            String error,

            @Schema(
                    nullable = true,
                    description = "The process holding the segment's claim (Axon's node id, pid@host);"
                            + " null while unclaimed")
            String claimedBy) {}
}
