package dev.cinema.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * One event of a stream, as stored.
 *
 * @param sequence      its place in its stream
 * @param globalIndex   its place in the whole store
 * @param aggregateType the aggregate whose stream it is in (Payment, Refund, Booking...)
 * @param eventType     the payload's type, without its package
 * @param payloadType   the payload's type as stored
 * @param at            the instant as stored (UTC, milliseconds)
 * @param payload       the payload as stored
 * @param metadata      the metadata as stored (who sent the command, correlation and trace ids,
 *                      and for chained streams the event's link)
 * @param sentBy        the account whose command caused it, or "system"
 * @param correlationId the identifier of the message that caused it
 * @param traceId       the identifier of the message that started the chain of messages it belongs to
 */
record HistoryEntry(
        long sequence,
        long globalIndex,

        @Schema(nullable = true, description = "Null for an event that belongs to no aggregate")
        String aggregateType,

        String eventType,
        String payloadType,

        @Schema(nullable = true, description = "Null while the payload type has no revision")
        String revision,

        String eventId,
        String at,

        @Schema(
                type = "object",
                additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                description = "The payload as stored")
        Map<String, Object> payload,

        @Schema(
                type = "object",
                additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                description = "The metadata as stored")
        Map<String, Object> metadata,

        @Schema(nullable = true, description = "Null for events stored without one")
        String sentBy,

        @Schema(nullable = true, description = "Null for events stored without one")
        String correlationId,

        @Schema(nullable = true, description = "Null for events stored without one")
        String traceId) {}
