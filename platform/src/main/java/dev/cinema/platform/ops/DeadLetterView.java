package dev.cinema.platform.ops;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * An event a processing group could not handle, or one parked behind it because an earlier event
 * of its sequence is parked: what it is and why, never its payload.
 */
@Schema(name = "DeadLetter")
public record DeadLetterView(
        @Schema(description = "The dead letter's id, for retry and discard")
        String id,

        @Schema(description = "The processor whose processing group parked it")
        String processor,

        @Schema(
                description = "What orders its events (the aggregate's id): letters of one sequence are retried in"
                        + " order, from the first")
        String sequenceIdentifier,

        @Schema(description = "The event's type, e.g. SeatsHeldEvent")
        String eventType,

        @Schema(description = "The event's id in the event store")
        String eventId,

        @Schema(nullable = true, description = "The event's global index; null if it was not read from the store")
        Long globalIndex,

        Instant enqueuedAt,

        @Schema(nullable = true, description = "When it was parked or last retried")
        Instant lastTouched,

        @Schema(
                nullable = true,
                description = "The failure's class; null for an event parked only because an earlier one of"
                        + " its sequence is")
        String causeType,

        @Schema(nullable = true, description = "The failure's message (at most 1023 characters)")
        String causeMessage) {}
