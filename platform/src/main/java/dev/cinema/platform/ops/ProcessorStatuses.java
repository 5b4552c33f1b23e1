package dev.cinema.platform.ops;

import dev.cinema.platform.ops.ProcessorStatus.Mode;
import dev.cinema.platform.ops.ProcessorStatus.SegmentStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The status of every event processor of this app. Positions come from the token store table,
 * which every process of the app shares, so a segment another process has claimed shows where it
 * is too; what only the claiming process knows (caught up, replaying, in error) comes from this
 * process's own segments, and is derived from the token and the head for the others.
 */
public class ProcessorStatuses {

    private static final Logger log = LoggerFactory.getLogger(ProcessorStatuses.class);

    private final Configuration axon;
    private final JdbcTemplate jdbc;
    private final ProcessorErrors errors;
    private final DeadLetters deadLetters;

    public ProcessorStatuses(Configuration axon, JdbcTemplate jdbc, ProcessorErrors errors, DeadLetters deadLetters) {
        this.axon = axon;
        this.jdbc = jdbc;
        this.errors = errors;
        this.deadLetters = deadLetters;
    }

    /** Every processor of the app, by name. */
    public List<ProcessorStatus> all() {
        Map<String, EventProcessor> processors =
                new TreeMap<>(axon.eventProcessingConfiguration().eventProcessors());
        // Tokens before the head: a position is then never ahead of the head it is compared with.
        Map<String, Map<Integer, StoredSegment>> stored = storedSegments(processors.keySet());
        Long head = head();
        Map<String, Long> letters = deadLetters.countsByProcessor();
        List<ProcessorStatus> statuses = new ArrayList<>();
        processors.forEach((name, processor) -> statuses.add(
                processor instanceof StreamingEventProcessor streaming
                        ? streaming(
                                streaming, stored.getOrDefault(name, Map.of()), head, letters.getOrDefault(name, 0L))
                        : subscribing(processor, head, letters.getOrDefault(name, 0L))));
        return statuses;
    }

    private ProcessorStatus streaming(
            StreamingEventProcessor processor, Map<Integer, StoredSegment> stored, Long head, long letters) {
        String name = processor.getName();
        Map<Integer, EventTrackerStatus> local = processor.processingStatus();
        Set<Integer> ids = new TreeSet<>(stored.keySet());
        ids.addAll(local.keySet());
        List<SegmentStatus> segments = new ArrayList<>();
        for (int id : ids) {
            StoredSegment token = stored.get(id);
            EventTrackerStatus own = local.get(id);
            Long position = max(token == null ? null : token.position(), own == null ? null : position(own));
            String error = null;
            if (own != null && own.isErrorState()) {
                errors.record(name, own.getError());
                error = ProcessorErrors.describe(own.getError());
            }
            segments.add(new SegmentStatus(
                    id,
                    position,
                    own != null
                            ? own.isCaughtUp() && !own.isErrorState()
                            : head == null || position != null && position >= head,
                    own != null ? own.isReplaying() : token != null && token.replaying(),
                    error,
                    token == null ? null : token.owner()));
        }
        Long lag = null;
        if (!segments.isEmpty()) {
            long lowest = segments.stream()
                    .mapToLong(segment -> segment.position() == null ? 0 : segment.position())
                    .min()
                    .orElse(0);
            lag = Math.max(0, (head == null ? 0 : head) - lowest);
        }
        return new ProcessorStatus(
                name,
                processor instanceof PooledStreamingEventProcessor ? Mode.POOLED : Mode.TRACKING,
                processor.isRunning(),
                processor.isError() || segments.stream().anyMatch(segment -> segment.error() != null),
                head,
                lag,
                segments.stream().anyMatch(SegmentStatus::replaying),
                !segments.isEmpty() && segments.stream().allMatch(SegmentStatus::caughtUp),
                errors.last(name).orElse(null),
                letters,
                segments);
    }

    /** Handles each event in the transaction that publishes it: never behind, never replaying. */
    private ProcessorStatus subscribing(EventProcessor processor, Long head, long letters) {
        return new ProcessorStatus(
                processor.getName(),
                Mode.SUBSCRIBING,
                processor.isRunning(),
                processor.isError(),
                head,
                null,
                false,
                true,
                errors.last(processor.getName()).orElse(null),
                letters,
                List.of());
    }

    /**
     * The head of the app's event store: the highest global index with the JPA store (one
     * {@code max} query); with Axon Server, the head token Axon Server reports.
     */
    private Long head() {
        TrackingToken head = axon.eventStore().createHeadToken();
        return head == null ? null : position(head.position());
    }

    private record StoredSegment(Long position, boolean replaying, String owner) {}

    private Map<String, Map<Integer, StoredSegment>> storedSegments(Set<String> processors) {
        Map<String, Map<Integer, StoredSegment>> segments = new HashMap<>();
        jdbc.query("select processor_name, segment, token, token_type, owner from token_entry", row -> {
            String processor = row.getString("processor_name");
            if (processors.contains(processor)) {
                TrackingToken token = token(processor, row.getString("token_type"), row.getBytes("token"));
                segments.computeIfAbsent(processor, name -> new TreeMap<>())
                        .put(
                                row.getInt("segment"),
                                new StoredSegment(
                                        token == null ? null : position(token.position()),
                                        token != null && ReplayToken.isReplay(token),
                                        row.getString("owner")));
            }
        });
        return segments;
    }

    /** A stored token, deserialized as the token store does it (Axon's general serializer). */
    private TrackingToken token(String processor, String type, byte[] bytes) {
        if (type == null || bytes == null) {
            return null;
        }
        try {
            return axon.serializer().deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
        } catch (RuntimeException unreadable) {
            log.warn("The token of processor {} (type {}) cannot be read", processor, type, unreadable);
            return null;
        }
    }

    private static Long position(EventTrackerStatus status) {
        return position(status.getCurrentPosition());
    }

    private static Long position(OptionalLong position) {
        return position.isPresent() ? position.getAsLong() : null;
    }

    /** Not a conditional expression: mixing Long and long there would unbox a null. */
    private static Long max(Long a, Long b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return Long.valueOf(Math.max(a, b));
    }
}
