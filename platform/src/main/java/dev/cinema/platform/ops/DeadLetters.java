package dev.cinema.platform.ops;

import dev.cinema.platform.refusal.Refusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dead letters of every processing group, as Axon's JPA dead-letter queue stores them in
 * {@code dead_letter_entry}: listed and counted straight from the table (one query, whichever
 * process parked them), retried through the processing group's own dead-letter processor (its
 * handlers, in sequence order), and discarded or cleared by id or by group.
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private static final String COLUMNS = "dead_letter_id, processing_group, sequence_identifier, payload_type,"
            + " event_identifier, token_type, token, enqueued_at, last_touched, cause_type, cause_message";

    private final Configuration axon;
    private final JdbcTemplate jdbc;

    public DeadLetters(Configuration axon, JdbcTemplate jdbc) {
        this.axon = axon;
        this.jdbc = jdbc;
    }

    /** A page of dead letters and how many there are in all. */
    public record Slice(List<DeadLetterView> items, long totalElements) {}

    /**
     * The dead letters of one processor (all of this app's when {@code processor} is null), by
     * processing group, sequence and their order in it; {@code processor-not-found} for a name
     * that is not one of this app's processors.
     */
    public Slice page(String processor, int page, int size) {
        String where = "";
        List<Object> arguments = new ArrayList<>();
        if (processor != null) {
            List<String> groups = groupsOf(processor);
            if (groups.isEmpty()) {
                return new Slice(List.of(), 0);
            }
            where = " where processing_group in (" + String.join(",", Collections.nCopies(groups.size(), "?")) + ")";
            arguments.addAll(groups);
        }
        Long total =
                jdbc.queryForObject("select count(*) from dead_letter_entry" + where, Long.class, arguments.toArray());
        List<Object> paged = new ArrayList<>(arguments);
        paged.add(size);
        paged.add((long) page * size);
        List<DeadLetterView> items = jdbc.query(
                "select " + COLUMNS + " from dead_letter_entry" + where
                        + " order by processing_group, sequence_identifier, sequence_index limit ? offset ?",
                (row, number) -> view(row),
                paged.toArray());
        return new Slice(items, total == null ? 0 : total);
    }

    /** One dead letter; {@code dead-letter-not-found} if there is none with this id. */
    public DeadLetterView find(String id) {
        return jdbc
                .query(
                        "select " + COLUMNS + " from dead_letter_entry where dead_letter_id = ?",
                        (row, number) -> view(row),
                        id)
                .stream()
                .findFirst()
                .orElseThrow(() -> notFound(id));
    }

    /**
     * Hands the letter's sequence to its processing group's dead-letter processor: the letters of
     * the sequence are handled again in order, from the first (a later one cannot go before the
     * ones ahead of it), each evicted once handled, until one fails again (it stays, with its new
     * cause) or none is left. Answers whether this letter was processed, i.e. is gone; false also
     * when the sequence is being retried elsewhere at this moment.
     */
    public boolean retry(String id) {
        Located letter = locate(id).orElseThrow(() -> notFound(id));
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing()
                .sequencedDeadLetterProcessor(letter.processingGroup())
                .orElseThrow(() -> new Refusal(
                        "dead-letter-not-retryable",
                        null,
                        "The dead letter's processing group " + letter.processingGroup()
                                + " has no dead-letter processor in this app; it can only be discarded"));
        processor.process(candidate -> candidate instanceof JpaDeadLetter<?> jpa
                && letter.sequenceIdentifier().equals(jpa.getSequenceIdentifier()));
        return locate(id).isEmpty();
    }

    /**
     * Discards one dead letter: its event is never applied (short of a rebuild); the letters
     * behind it in its sequence stay parked.
     */
    public void discard(String id) {
        if (jdbc.update("delete from dead_letter_entry where dead_letter_id = ?", id) == 0) {
            throw notFound(id);
        }
    }

    /**
     * Discards every dead letter of a processing group, e.g. when its tables are emptied for a
     * rebuild (a reset through Axon clears them by itself). Joins the caller's transaction if
     * there is one. Answers how many were discarded.
     */
    public int clear(String processingGroup) {
        int cleared = jdbc.update("delete from dead_letter_entry where processing_group = ?", processingGroup);
        if (cleared > 0) {
            log.info("Cleared {} dead letters of processing group {}", cleared, processingGroup);
        }
        return cleared;
    }

    /** How many letters each processor has parked (processors without any are absent). */
    public Map<String, Long> countsByProcessor() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("select processing_group, count(*) from dead_letter_entry group by processing_group", row -> {
            counts.merge(processorOf(row.getString(1)), row.getLong(2), Long::sum);
        });
        return counts;
    }

    private List<String> groupsOf(String processor) {
        if (!processing().eventProcessors().containsKey(processor)) {
            throw new Refusal(
                    "processor-not-found", "processor", "No event processor named " + processor + " in this app");
        }
        return jdbc.queryForList("select distinct processing_group from dead_letter_entry", String.class).stream()
                .filter(group -> processorOf(group).equals(processor))
                .toList();
    }

    /** The processor a processing group is assigned to here; the group's own name if none is. */
    private String processorOf(String processingGroup) {
        return processing()
                .eventProcessorByProcessingGroup(processingGroup)
                .map(EventProcessor::getName)
                .orElse(processingGroup);
    }

    private EventProcessingConfiguration processing() {
        return axon.eventProcessingConfiguration();
    }

    private record Located(String processingGroup, String sequenceIdentifier) {}

    private Optional<Located> locate(String id) {
        return jdbc
                .query(
                        "select processing_group, sequence_identifier from dead_letter_entry where dead_letter_id = ?",
                        (row, number) -> new Located(row.getString(1), row.getString(2)),
                        id)
                .stream()
                .findFirst();
    }

    private DeadLetterView view(ResultSet row) throws SQLException {
        return new DeadLetterView(
                row.getString("dead_letter_id"),
                processorOf(row.getString("processing_group")),
                row.getString("sequence_identifier"),
                simpleName(row.getString("payload_type")),
                row.getString("event_identifier"),
                position(row.getString("token_type"), row.getBytes("token")),
                instant(row, "enqueued_at"),
                instant(row, "last_touched"),
                row.getString("cause_type"),
                row.getString("cause_message"));
    }

    /** The global index, from the tracking token stored with the letter (serialized as the token store does). */
    private Long position(String tokenType, byte[] token) {
        if (tokenType == null || token == null) {
            return null;
        }
        try {
            TrackingToken tracking =
                    axon.serializer().deserialize(new SimpleSerializedObject<>(token, byte[].class, tokenType, null));
            OptionalLong position = tracking == null ? OptionalLong.empty() : tracking.position();
            return position.isPresent() ? position.getAsLong() : null;
        } catch (RuntimeException unreadable) {
            log.warn("A dead letter's tracking token of type {} cannot be read", tokenType, unreadable);
            return null;
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1);
    }

    private static Refusal notFound(String id) {
        return new Refusal("dead-letter-not-found", null, "No dead letter " + id);
    }
}
