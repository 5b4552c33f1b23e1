package dev.cinema.query.audit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event table read directly, as auditors need it: the global position, the bytes as stored,
 * and cursors that stream a whole period in constant memory (a fetch size, inside a read-only
 * transaction, so that PostgreSQL's driver keeps a server-side cursor instead of loading every row
 * first). Axon's API answers none of these: it deserializes, upcasts, and has no global position
 * for an aggregate's events.
 */
@Component
class StoredEvents {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final int fetchSize;

    StoredEvents(JdbcTemplate jdbc, PlatformTransactionManager transactions, AuditProperties properties) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.fetchSize = properties.fetchSize();
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    /** One page of a stream's events, in sequence order. */
    List<StoredEvent> page(String aggregateId, int page, int size) {
        return jdbc.query(
                "select " + StoredEvent.COLUMNS + " from domain_event_entry where aggregate_identifier = ?"
                        + " order by sequence_number limit ? offset ?",
                (row, i) -> StoredEvent.read(row),
                aggregateId,
                size,
                (long) page * size);
    }

    /** How many events a stream has. */
    long count(String aggregateId) {
        Long count = jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, aggregateId);
        return count == null ? 0 : count;
    }

    /** One event of a stream, or null. */
    StoredEvent at(String aggregateId, long sequence) {
        List<StoredEvent> found = jdbc.query(
                "select " + StoredEvent.COLUMNS
                        + " from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                (row, i) -> StoredEvent.read(row),
                aggregateId,
                sequence);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Streams the events a query selects ({@code where} and {@code order} clauses after the
     * table), one at a time, {@code fetchSize} rows per round trip, in the caller's transaction.
     */
    void stream(String whereAndOrder, List<Object> arguments, Consumer<StoredEvent> each) {
        jdbc.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(
                            "select " + StoredEvent.COLUMNS + " from domain_event_entry " + whereAndOrder,
                            ResultSet.TYPE_FORWARD_ONLY,
                            ResultSet.CONCUR_READ_ONLY);
                    statement.setFetchSize(fetchSize);
                    for (int i = 0; i < arguments.size(); i++) {
                        statement.setObject(i + 1, arguments.get(i));
                    }
                    return statement;
                },
                row -> {
                    each.accept(StoredEvent.read(row));
                });
    }

    /** Runs {@code work} in one read-only transaction: the cursors it opens stream. */
    <T> T readOnly(Supplier<T> work) {
        return readOnly.execute(status -> work.get());
    }

    /** The global position of the newest event, or null for an empty store. */
    Long head() {
        return jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
    }

    /** {@code ?, ?, ?} for a list of n values. */
    static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
