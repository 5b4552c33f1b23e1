package dev.cinema.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where a stream's chain breaks first.
 *
 * @param sequence    the sequence number at which it breaks
 * @param kind        ALTERED: the event at this sequence is not what its link covered (content,
 *                    instant, type or metadata edited, or a chain recomputed without the key);
 *                    MISSING: no event at this sequence, though later ones exist; REORDERED: the
 *                    event here was linked at another sequence number; TRUNCATED: the stream ends
 *                    before the head a checkpoint signed (events cut off after the last checkpoint)
 * @param globalIndex the global position of the event at fault, when there is one
 * @param detail      what was found, in words
 */
record BrokenLink(
        String aggregateId,

        @Schema(nullable = true, description = "Null when nothing of the stream is left")
        String aggregateType,

        long sequence,
        Kind kind,

        @Schema(nullable = true, description = "Null for a missing or cut-off event")
        Long globalIndex,

        String detail) {

    enum Kind {
        ALTERED,
        MISSING,
        REORDERED,
        TRUNCATED
    }
}
