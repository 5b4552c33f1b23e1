package dev.cinema.query.audit;

import dev.cinema.platform.audit.CheckpointSigner;
import dev.cinema.platform.audit.EventChain;
import dev.cinema.platform.refusal.Refusal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.common.DateTimeUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed checkpoints of the event chain, kept outside the event table. A checkpoint records the
 * head (last sequence number and its link) of every chained stream whose head moved since the
 * checkpoint before it, each head row signed, and is itself signed over its counts and the
 * signature of the checkpoint before it: together they vouch for the head of every chained
 * stream. Heads never move back: a stream found shorter than its checkpointed head was cut, and
 * stays reported so.
 */
@Component
class Checkpoints {

    private static final int BATCH = 500;
    private static final RowMapper<CheckpointView> VIEW = (row, i) -> new CheckpointView(
            row.getLong("checkpoint_no"),
            row.getTimestamp("created_at").toInstant(),
            row.getString("created_by"),
            (Long) row.getObject("store_position", Long.class),
            row.getLong("streams"),
            row.getLong("events"),
            row.getLong("changed_streams"),
            row.getString("previous_signature"),
            row.getString("signature"));

    /** The checkpointed head of one stream. */
    record Head(
            long checkpoint,
            String aggregateId,
            String aggregateType,
            long sequence,
            String link,
            Instant at,
            String signature) {}

    private final StoredEvents store;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final EventChain chain;
    private final CheckpointSigner signer;
    private final Clock clock;

    Checkpoints(
            StoredEvents store,
            PlatformTransactionManager transactions,
            EventChain chain,
            CheckpointSigner signer,
            Clock clock) {
        this.store = store;
        this.jdbc = store.jdbc();
        this.transaction = new TransactionTemplate(transactions);
        this.chain = chain;
        this.signer = signer;
        this.clock = clock;
    }

    /** Signs the heads of every chained stream now; {@code by} is the account that asked, or "system". */
    CheckpointView create(String by) {
        try {
            return transaction.execute(status -> createInTransaction(by));
        } catch (DuplicateKeyException e) {
            throw new Refusal("concurrent-modification", null, "Another checkpoint was being made; try again.");
        }
    }

    Optional<CheckpointView> latest() {
        return jdbc.query("select * from audit_checkpoint order by checkpoint_no desc limit 1", VIEW).stream()
                .findFirst();
    }

    Optional<CheckpointView> find(long number) {
        return jdbc.query("select * from audit_checkpoint where checkpoint_no = ?", VIEW, number).stream()
                .findFirst();
    }

    /** Newest first. */
    List<CheckpointView> page(int page, int size) {
        return jdbc.query(
                "select * from audit_checkpoint order by checkpoint_no desc limit ? offset ?",
                VIEW,
                size,
                (long) page * size);
    }

    long count() {
        Long count = jdbc.queryForObject("select count(*) from audit_checkpoint", Long.class);
        return count == null ? 0 : count;
    }

    /** The latest checkpointed heads of these streams, by stream. */
    Map<String, Head> heads(List<String> aggregateIds) {
        Map<String, Head> heads = new java.util.HashMap<>();
        if (aggregateIds.isEmpty()) {
            return heads;
        }
        jdbc.query(
                "select * from audit_checkpoint_head h where h.aggregate_id in ("
                        + StoredEvents.placeholders(aggregateIds.size()) + ") and h.checkpoint_no ="
                        + " (select max(l.checkpoint_no) from audit_checkpoint_head l where l.aggregate_id = h.aggregate_id)",
                row -> {
                    Head head = head(row);
                    heads.put(head.aggregateId(), head);
                },
                aggregateIds.toArray());
        return heads;
    }

    /** Latest checkpointed heads of streams that have no event left at all. */
    List<Head> headsOfVanishedStreams() {
        return jdbc.query(
                "select * from audit_checkpoint_head h where h.checkpoint_no ="
                        + " (select max(l.checkpoint_no) from audit_checkpoint_head l where l.aggregate_id = h.aggregate_id)"
                        + " and not exists (select 1 from domain_event_entry e where e.aggregate_identifier = h.aggregate_id)"
                        + " order by h.aggregate_id",
                (row, i) -> head(row));
    }

    /**
     * Checks every checkpoint's signature, its link to the one before it, and its head rows (their
     * count and signatures). Answers how many were checked and the first that does not hold, if any.
     */
    CheckpointCheck verify() {
        List<CheckpointView> all = jdbc.query("select * from audit_checkpoint order by checkpoint_no", VIEW);
        String previous = null;
        long expected = 1;
        for (CheckpointView checkpoint : all) {
            String fault = null;
            if (checkpoint.number() != expected) {
                fault = "checkpoint " + expected + " is missing";
            } else if (!java.util.Objects.equals(previous, checkpoint.previousSignature())) {
                fault = "it does not follow the signature of the checkpoint before it";
            } else if (!signer.verifies(canonical(checkpoint), checkpoint.signature())) {
                fault = "its signature does not match what it says";
            } else {
                List<Head> heads = jdbc.query(
                        "select * from audit_checkpoint_head where checkpoint_no = ?",
                        (row, i) -> head(row),
                        checkpoint.number());
                if (heads.size() != checkpoint.changedStreams()) {
                    fault = "it signed " + checkpoint.changedStreams() + " stream heads, " + heads.size() + " are left";
                } else {
                    fault = heads.stream()
                            .filter(head -> !signer.verifies(canonical(head), head.signature()))
                            .findFirst()
                            .map(head -> "the signed head of stream " + head.aggregateId() + " was altered")
                            .orElse(null);
                }
            }
            if (fault != null) {
                return new CheckpointCheck(all.size(), checkpoint.number(), fault);
            }
            previous = checkpoint.signature();
            expected++;
        }
        return new CheckpointCheck(all.size(), null, null);
    }

    /** How the checkpoints themselves hold up. */
    record CheckpointCheck(int checked, Long brokenCheckpoint, String fault) {}

    private CheckpointView createInTransaction(String by) {
        CheckpointView previous = latest().orElse(null);
        long number = previous == null ? 1 : previous.number() + 1;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Long position = store.head();
        long[] counts = new long[3]; // streams, events, changed streams
        List<Head> batch = new ArrayList<>();
        List<String> aggregates = chain.aggregates();
        List<Object> arguments = new ArrayList<>(aggregates);
        jdbc.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(
                            "select e.aggregate_identifier, e.type, e.sequence_number, e.meta_data, e.time_stamp, c.seq"
                                    + " from domain_event_entry e"
                                    + " join (select aggregate_identifier, max(sequence_number) as seq"
                                    + " from domain_event_entry where type in ("
                                    + StoredEvents.placeholders(aggregates.size())
                                    + ") group by aggregate_identifier) h"
                                    + " on h.aggregate_identifier = e.aggregate_identifier and h.seq = e.sequence_number"
                                    + " left join (select aggregate_id, max(sequence_number) as seq"
                                    + " from audit_checkpoint_head group by aggregate_id) c"
                                    + " on c.aggregate_id = e.aggregate_identifier",
                            ResultSet.TYPE_FORWARD_ONLY,
                            ResultSet.CONCUR_READ_ONLY);
                    statement.setFetchSize(BATCH);
                    for (int i = 0; i < arguments.size(); i++) {
                        statement.setObject(i + 1, arguments.get(i));
                    }
                    return statement;
                },
                row -> {
                    long sequence = row.getLong(3);
                    counts[0]++;
                    counts[1] += sequence + 1;
                    long checkpointed = row.getLong(6);
                    boolean moved = row.wasNull() || sequence > checkpointed;
                    String link = EventChain.storedLink(row.getBytes(4));
                    if (moved && link != null) {
                        Instant at = DateTimeUtils.parseInstant(row.getString(5));
                        Head head = new Head(number, row.getString(1), row.getString(2), sequence, link, at, null);
                        batch.add(new Head(
                                number,
                                head.aggregateId(),
                                head.aggregateType(),
                                sequence,
                                link,
                                at,
                                signer.sign(canonical(head))));
                        counts[2]++;
                        if (batch.size() >= BATCH) {
                            insert(batch);
                        }
                    }
                });
        insert(batch);
        CheckpointView unsigned = new CheckpointView(
                number,
                now,
                by,
                position,
                counts[0],
                counts[1],
                counts[2],
                previous == null ? null : previous.signature(),
                null);
        CheckpointView checkpoint = new CheckpointView(
                number,
                now,
                by,
                position,
                counts[0],
                counts[1],
                counts[2],
                unsigned.previousSignature(),
                signer.sign(canonical(unsigned)));
        jdbc.update(
                "insert into audit_checkpoint (checkpoint_no, created_at, created_by, store_position, streams, events,"
                        + " changed_streams, previous_signature, signature) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                checkpoint.number(),
                Timestamp.from(checkpoint.createdAt()),
                checkpoint.createdBy(),
                checkpoint.storePosition(),
                checkpoint.streams(),
                checkpoint.events(),
                checkpoint.changedStreams(),
                checkpoint.previousSignature(),
                checkpoint.signature());
        return checkpoint;
    }

    private void insert(List<Head> heads) {
        if (heads.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "insert into audit_checkpoint_head (checkpoint_no, aggregate_id, aggregate_type, sequence_number, link,"
                        + " event_at, signature) values (?, ?, ?, ?, ?, ?, ?)",
                heads.stream()
                        .map(head -> new Object[] {
                            head.checkpoint(),
                            head.aggregateId(),
                            head.aggregateType(),
                            head.sequence(),
                            head.link(),
                            Timestamp.from(head.at()),
                            head.signature()
                        })
                        .toList());
        heads.clear();
    }

    private static Head head(ResultSet row) throws java.sql.SQLException {
        return new Head(
                row.getLong("checkpoint_no"),
                row.getString("aggregate_id"),
                row.getString("aggregate_type"),
                row.getLong("sequence_number"),
                row.getString("link"),
                row.getTimestamp("event_at").toInstant(),
                row.getString("signature"));
    }

    private static String canonical(CheckpointView checkpoint) {
        return String.join(
                "|",
                "checkpoint-v1",
                String.valueOf(checkpoint.number()),
                DateTimeUtils.formatInstant(checkpoint.createdAt()),
                checkpoint.createdBy(),
                String.valueOf(checkpoint.storePosition()),
                String.valueOf(checkpoint.streams()),
                String.valueOf(checkpoint.events()),
                String.valueOf(checkpoint.changedStreams()),
                String.valueOf(checkpoint.previousSignature()));
    }

    private static String canonical(Head head) {
        return String.join(
                "|",
                "head-v1",
                String.valueOf(head.checkpoint()),
                head.aggregateType(),
                head.aggregateId(),
                String.valueOf(head.sequence()),
                head.link(),
                DateTimeUtils.formatInstant(head.at()));
    }
}
