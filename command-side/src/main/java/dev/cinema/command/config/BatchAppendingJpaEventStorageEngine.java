package dev.cinema.command.config;

import static org.axonframework.eventhandling.EventUtils.asDomainEventMessage;

import dev.cinema.platform.storage.NewEvents;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.hibernate.Session;

/**
 * Axon's JPA event store, but a transaction's events are appended with one batched insert on the
 * transaction's own connection. Axon persists them one entity at a time, and Hibernate fetches
 * the global index for each from the sequence before it inserts: two round trips per event, and a
 * hold desk's batch appends two events for each of up to a hundred holds. Here the insert takes
 * its index from the sequence itself, in the order of the events, so the order of a transaction's
 * events in the global index is Axon's.
 *
 * <p>The rows are the ones Axon writes (same table, columns, serialized forms, timestamp format),
 * and everything else (reading, snapshots, tracking) is Axon's. A duplicate aggregate sequence is
 * reported as Axon reports it (a concurrency exception, or an aggregate that exists already),
 * which the cross-process conflict retry depends on. On PostgreSQL the transaction also notifies
 * {@link NewEvents#CHANNEL}, so that the query side fetches the events as soon as they commit.
 */
final class BatchAppendingJpaEventStorageEngine extends JpaEventStorageEngine {

    private final TransactionManager transactionManager;
    private volatile String insert;
    private volatile boolean postgres;

    BatchAppendingJpaEventStorageEngine(JpaEventStorageEngine.Builder builder, TransactionManager transactionManager) {
        super(builder.transactionManager(transactionManager));
        this.transactionManager = transactionManager;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactionManager.executeInTransaction(() -> {
            try {
                entityManager().unwrap(Session.class).doWork(connection -> insert(connection, events, serializer));
            } catch (Exception e) {
                handlePersistenceException(e, events.get(0));
            }
        });
    }

    private void insert(Connection connection, List<? extends EventMessage<?>> events, Serializer serializer)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insertStatement(connection))) {
            for (EventMessage<?> message : events) {
                DomainEventMessage<?> event = asDomainEventMessage(message);
                SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
                SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
                statement.setString(1, event.getIdentifier());
                statement.setString(2, event.getAggregateIdentifier());
                statement.setLong(3, event.getSequenceNumber());
                statement.setString(4, event.getType());
                statement.setString(5, DateTimeUtils.formatInstant(event.getTimestamp()));
                statement.setString(6, payload.getType().getName());
                statement.setString(7, payload.getType().getRevision());
                statement.setBytes(8, payload.getData());
                statement.setBytes(9, metaData.getData());
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (BatchUpdateException e) {
            // The driver's batch error wraps the statement's own, whose SQL state says what failed.
            throw e.getNextException() != null ? e.getNextException() : e;
        }
        if (postgres) {
            // Delivered when this transaction commits: the query side fetches at once instead of
            // at its next poll (NewEvents).
            try (Statement notify = connection.createStatement()) {
                notify.execute("notify " + NewEvents.CHANNEL);
            }
        }
    }

    /** The insert in this database's words for "the sequence's next value". */
    private String insertStatement(Connection connection) throws SQLException {
        String statement = insert;
        if (statement == null) {
            postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
            String next = postgres ? "nextval('domain_event_entry_seq')" : "next value for domain_event_entry_seq";
            statement = "insert into domain_event_entry (global_index, event_identifier, aggregate_identifier,"
                    + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
                    + " values (" + next + ", ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            insert = statement;
        }
        return statement;
    }
}
