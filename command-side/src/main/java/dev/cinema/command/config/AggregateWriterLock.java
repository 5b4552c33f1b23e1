package dev.cinema.command.config;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.hibernate.Session;

/**
 * One writer of an aggregate at a time across every command-side process on one PostgreSQL
 * database: a transaction-scoped advisory lock per aggregate, and then the aggregate's last
 * sequence number in the event store as it stands once the lock is held. Without it two processes
 * writing one hot screening both decide on their own cached copy and one of them loses on the
 * (aggregate, sequence) key: its whole unit of work rolls back, the cached screening is evicted and
 * the command is tried again, and under steady load a process can lose several times in a row.
 *
 * <p>The lock is held until the transaction ends, so the other process waits for the commit
 * rather than racing it. The sequence number is read in a statement of its own after the lock is
 * granted: under READ COMMITTED (the default) that statement sees what the previous holder
 * committed. On another database (H2: one process) nothing is locked and nothing read.
 */
public final class AggregateWriterLock {

    /**
     * The first key of PostgreSQL's two-key advisory locks ("CINE"): a space of its own, apart
     * from single-key locks such as Flyway's migration lock.
     */
    static final int LOCK_SPACE = 0x43494E45;

    private final EntityManagerProvider entityManagers;
    private volatile Boolean postgres;

    AggregateWriterLock(EntityManagerProvider entityManagers) {
        this.entityManagers = entityManagers;
    }

    /**
     * Waits until this transaction is the aggregate's only writer and returns its last sequence
     * number in the event store (-1 for an aggregate without events); empty where the database
     * has no such lock. Must be called inside the transaction that will append the events.
     */
    public OptionalLong claim(String aggregateIdentifier) {
        if (Boolean.FALSE.equals(postgres)) {
            // Known not to be PostgreSQL: not even the session's connection is needed.
            return OptionalLong.empty();
        }
        return entityManagers.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            if (!postgres(connection)) {
                return OptionalLong.empty();
            }
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
                lock.setInt(1, LOCK_SPACE);
                lock.setInt(2, key(aggregateIdentifier));
                lock.execute();
            }
            try (PreparedStatement last = connection.prepareStatement(
                    "select coalesce(max(sequence_number), -1) from domain_event_entry where aggregate_identifier = ?")) {
                last.setString(1, aggregateIdentifier);
                try (ResultSet row = last.executeQuery()) {
                    row.next();
                    return OptionalLong.of(row.getLong(1));
                }
            }
        });
    }

    private boolean postgres(Connection connection) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
            postgres = known;
        }
        return known;
    }

    /**
     * 32 bits of the identifier (FNV-1a): two aggregates that share a key only wait for each other
     * now and then, they are never confused.
     */
    static int key(String aggregateIdentifier) {
        int hash = 0x811C9DC5;
        for (byte b : aggregateIdentifier.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xFF;
            hash *= 0x01000193;
        }
        return hash;
    }
}
