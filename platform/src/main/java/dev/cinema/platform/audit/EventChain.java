package dev.cinema.platform.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import javax.crypto.Mac;

/**
 * The hash chain of an event stream: each event carries, in its metadata under {@value #LINK}, an
 * HMAC-SHA256 (keyed with a secret kept outside the database) of the previous event's link and of
 * everything stored about the event itself: identifier, aggregate type and id, sequence number,
 * payload type and revision, instant, the payload bytes and the metadata without the link.
 * Editing, removing, reordering or inserting an event breaks the link where it happened, and
 * nobody without the key can make a valid one again.
 *
 * <p>The metadata is covered in a canonical form (JSON, keys sorted, the link left out): the link
 * cannot cover itself, and a store may write a map's entries in any order.
 */
public final class EventChain {

    /** The metadata key each chained event's link is stored under. */
    public static final String LINK = "auditLink";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] LABEL = "cinema-audit-link-v1".getBytes(StandardCharsets.UTF_8);

    private final byte[] key;
    private final Set<String> aggregates;

    public EventChain(AuditChainKey key, Collection<String> aggregates) {
        this.key = key.linkKey();
        this.aggregates = Set.copyOf(aggregates);
    }

    /** Whether the streams of this aggregate type are chained. */
    public boolean chains(String aggregateType) {
        return aggregateType != null && aggregates.contains(aggregateType);
    }

    /** The chained aggregate types. */
    public List<String> aggregates() {
        return aggregates.stream().sorted().toList();
    }

    /** The link of {@code event}, following {@code previous} (null for the first event of a stream). */
    public String link(String previous, ChainedEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(LABEL);
            text(out, previous);
            text(out, event.eventId());
            text(out, event.aggregateType());
            text(out, event.aggregateId());
            out.writeLong(event.sequence());
            text(out, event.payloadType());
            text(out, event.payloadRevision());
            out.writeLong(event.epochMillis());
            out.write(sha256(event.payload()));
            out.write(sha256(event.metadata()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Mac mac = AuditChainKey.mac(key);
        return HexFormat.of().formatHex(mac.doFinal(bytes.toByteArray()));
    }

    /**
     * The metadata as stored (JSON), in canonical form: without the link, keys sorted at every
     * level, no whitespace. Null or empty metadata is the empty object.
     */
    public static byte[] canonicalMetadata(byte[] storedJson) {
        JsonNode tree = parse(storedJson);
        if (tree instanceof ObjectNode object) {
            object.remove(LINK);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = JSON.getFactory().createGenerator(out)) {
            write(generator, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The link stored in the metadata (JSON as stored), or null when the event carries none. */
    public static String storedLink(byte[] storedJson) {
        JsonNode link = parse(storedJson).get(LINK);
        return link == null || link.isNull() ? null : link.asText();
    }

    private static JsonNode parse(byte[] json) {
        if (json == null || json.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "Event metadata is not JSON; the audit chain needs a JSON serializer", e);
        }
    }

    private static void write(JsonGenerator generator, JsonNode node) throws IOException {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            generator.writeStartObject();
            for (String name : names) {
                generator.writeFieldName(name);
                write(generator, node.get(name));
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (Iterator<JsonNode> elements = node.elements(); elements.hasNext(); ) {
                write(generator, elements.next());
            }
            generator.writeEndArray();
        } else {
            generator.writeTree(node);
        }
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data == null ? new byte[0] : data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
