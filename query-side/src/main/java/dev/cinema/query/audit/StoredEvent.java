package dev.cinema.query.audit;

import dev.cinema.platform.audit.ChainedEvent;
import dev.cinema.platform.audit.EventChain;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.axonframework.common.DateTimeUtils;

/**
 * One event exactly as the event table holds it: never upcast, never read through a snapshot.
 * {@code timestamp} is the stored text (ISO-8601, UTC, milliseconds).
 */
record StoredEvent(
        long globalIndex,
        String eventId,
        String aggregateType,
        String aggregateId,
        long sequence,
        String payloadType,
        String payloadRevision,
        String timestamp,
        byte[] payload,
        byte[] metadata) {

    /** The columns {@link #read} expects, in its order. */
    static final String COLUMNS = "global_index, event_identifier, type, aggregate_identifier, sequence_number,"
            + " payload_type, payload_revision, time_stamp, payload, meta_data";

    static StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(
                row.getLong(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getLong(5),
                row.getString(6),
                row.getString(7),
                row.getString(8),
                row.getBytes(9),
                row.getBytes(10));
    }

    /** The stored instant; null if the stored text is not one (an edited row). */
    Instant at() {
        try {
            return DateTimeUtils.parseInstant(timestamp);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The link the event carries in its metadata, or null. */
    String link() {
        return EventChain.storedLink(metadata);
    }

    /** What its link covers, as stored; at {@code sequence} (to ask whether it was moved there from elsewhere). */
    ChainedEvent chained(long sequence) {
        Instant at = at();
        return new ChainedEvent(
                eventId,
                aggregateType,
                aggregateId,
                sequence,
                payloadType,
                payloadRevision,
                at == null ? Long.MIN_VALUE : at.toEpochMilli(),
                payload,
                EventChain.canonicalMetadata(metadata));
    }

    /** The event's simple type name (the payload class without its package). */
    String simpleType() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
