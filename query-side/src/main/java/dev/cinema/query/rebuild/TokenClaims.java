package dev.cinema.query.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a processor's tokens as stored, without claiming them: the processor may run on another
 * node, and taking its claim to look would stop it. The token store serializes tokens with the
 * general serializer.
 */
@Component
class TokenClaims {

    /** One segment's token: how far it has read, and which node holds it since when. */
    record Claim(int segment, Long position, String owner, Instant claimedAt) {

        boolean heldSince(Instant since) {
            return owner != null && (claimedAt == null || claimedAt.isAfter(since));
        }
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    TokenClaims(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    List<Claim> of(String processor) {
        return jdbc.query(
                "select segment, token, token_type, owner, timestamp from token_entry where processor_name = ?"
                        + " order by segment",
                (row, i) -> new Claim(
                        row.getInt("segment"),
                        position(row.getBytes("token"), row.getString("token_type")),
                        row.getString("owner"),
                        parse(row.getString("timestamp"))),
                processor);
    }

    /** The lowest position over the processor's segments; null before its first event or before it ever ran. */
    Long position(String processor) {
        List<Claim> claims = of(processor);
        if (claims.isEmpty() || claims.stream().anyMatch(claim -> claim.position() == null)) {
            return null;
        }
        return claims.stream().mapToLong(Claim::position).min().orElseThrow();
    }

    /** True when no node holds a live claim on any of the processor's segments. */
    boolean released(String processor, Duration claimTimeout, Instant now) {
        Instant since = now.minus(claimTimeout);
        return of(processor).stream().noneMatch(claim -> claim.heldSince(since));
    }

    /** Forgets the processor's tokens, so that its next start reads from the first event. */
    void forget(String processor) {
        jdbc.update("delete from token_entry where processor_name = ?", processor);
    }

    private Long position(byte[] token, String type) {
        if (token == null || type == null) {
            return null;
        }
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        if (tracking == null) {
            return null;
        }
        OptionalLong position = tracking.position();
        return position.isPresent() ? position.getAsLong() : null;
    }

    private static Instant parse(String timestamp) {
        try {
            return timestamp == null ? null : Instant.parse(timestamp);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
