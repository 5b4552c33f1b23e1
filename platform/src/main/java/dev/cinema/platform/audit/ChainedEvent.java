package dev.cinema.platform.audit;

/**
 * What one link of the chain covers: an event as stored, field by field. {@code payload} is the
 * serialized payload exactly as stored; {@code metadata} the canonical form of the stored metadata
 * without the link itself ({@link EventChain#canonicalMetadata}). {@code epochMillis} is the
 * event's instant to the millisecond, the precision both event stores keep.
 */
public record ChainedEvent(
        String eventId,
        String aggregateType,
        String aggregateId,
        long sequence,
        String payloadType,
        String payloadRevision,
        long epochMillis,
        byte[] payload,
        byte[] metadata) {}
