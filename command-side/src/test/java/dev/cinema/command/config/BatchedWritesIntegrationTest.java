package dev.cinema.command.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cinema.command.CommandSideApplication;
import dev.cinema.platform.testsupport.TestKeys;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * A transaction's events and deadlines are written in batches ({@link
 * BatchAppendingJpaEventStorageEngine}, {@link BatchingDeadlineManager}); what is stored must be
 * what Axon would have stored, and a conflict must still be reported as Axon reports it. Runs on
 * H2 and PostgreSQL, in the context the booking API tests use (same settings, so it is shared).
 */
@SpringBootTest(
        classes = CommandSideApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            CommandSideApplication.CONFIG_NAME,
            "cinema.booking.hold-duration=PT4S",
            "cinema.refunds.first-retry=PT1S"
        })
@ContextConfiguration(initializers = TestKeys.class)
abstract class BatchedWritesIntegrationTest {

    @Autowired
    EventStore events;

    @Autowired
    DeadlineManager deadlines;

    @Autowired
    TransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTransactionsEventsAreStoredInTheirOrderAndReadBackAsTheyWerePublished() {
        String stream = "batch-" + UUID.randomUUID();
        List<DomainEventMessage<?>> published = IntStream.range(0, 5)
                .<DomainEventMessage<?>>mapToObj(i -> new GenericDomainEventMessage<>(
                        "BatchTest",
                        stream,
                        i,
                        "event " + i,
                        MetaData.with("n", i),
                        UUID.randomUUID().toString(),
                        // Axon stores timestamps to the millisecond.
                        Instant.now().truncatedTo(ChronoUnit.MILLIS)))
                .toList();

        inTransaction(() -> events.publish(published));

        List<? extends DomainEventMessage<?>> read =
                events.readEvents(stream).asStream().toList();
        assertThat(read).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(read.get(i).getIdentifier()).isEqualTo(published.get(i).getIdentifier());
            assertThat(read.get(i).getSequenceNumber()).isEqualTo(i);
            assertThat(read.get(i).getType()).isEqualTo("BatchTest");
            assertThat(read.get(i).getPayload()).isEqualTo("event " + i);
            assertThat(read.get(i).getMetaData()).containsEntry("n", i);
            assertThat(read.get(i).getTimestamp()).isEqualTo(published.get(i).getTimestamp());
        }
        List<Long> indexes = jdbc.queryForList(
                "select global_index from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                Long.class,
                stream);
        assertThat(indexes)
                .as("global indexes follow the events' order")
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(indexes.get(4) - indexes.get(0))
                .as("one transaction's events take consecutive indexes when nothing else appends")
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void anEventNumberTakenAlreadyIsAConflictAndNothingOfItsTransactionIsStored() {
        String stream = "conflict-" + UUID.randomUUID();
        inTransaction(() -> events.publish(event(stream, 0), event(stream, 1)));

        assertThatThrownBy(() -> inTransaction(() -> events.publish(event(stream, 2), event(stream, 1))))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> inTransaction(() -> events.publish(event(stream, 0))))
                .as("a stream created twice")
                .isInstanceOf(AggregateStreamCreationException.class);

        assertThat(jdbc.queryForObject(
                        "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, stream))
                .as("the failed transactions left nothing, not even their first event")
                .isEqualTo(2);
    }

    @Test
    void aTransactionsDeadlinesAreStoredTogetherAndOneOfARolledBackNestedUnitIsNot() {
        AggregateScopeDescriptor scope = new AggregateScopeDescriptor("Booking", "deadline-test-" + UUID.randomUUID());
        Instant later = Instant.now().plus(1, ChronoUnit.HOURS);
        String[] ids = new String[3];

        inTransaction(() -> {
            ids[0] = deadlines.schedule(later, "first", null, scope);
            ids[1] = deadlines.schedule(later.plusSeconds(1), "second", null, scope);
            UnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(null);
            ids[2] = deadlines.schedule(later, "withdrawn", null, scope);
            nested.rollback();
        });

        assertThat(stored(ids[0])).isEqualTo(later.truncatedTo(ChronoUnit.MILLIS));
        assertThat(stored(ids[1])).isEqualTo(later.plusSeconds(1).truncatedTo(ChronoUnit.MILLIS));
        assertThat(jdbc.queryForObject(
                        "select count(*) from scheduled_tasks where task_instance = ?", Long.class, ids[2]))
                .isZero();

        inTransaction(() -> deadlines.cancelSchedule("first", ids[0]));
        assertThat(jdbc.queryForObject(
                        "select count(*) from scheduled_tasks where task_instance = ?", Long.class, ids[0]))
                .as("Axon cancels a deadline written in a batch")
                .isZero();
        inTransaction(() -> deadlines.cancelSchedule("second", ids[1]));
    }

    private Instant stored(String id) {
        return jdbc.queryForObject(
                        "select execution_time from scheduled_tasks where task_instance = ?",
                        java.sql.Timestamp.class,
                        id)
                .toInstant()
                .truncatedTo(ChronoUnit.MILLIS);
    }

    private static DomainEventMessage<?> event(String stream, long sequence) {
        return new GenericDomainEventMessage<>("BatchTest", stream, sequence, "event " + sequence, Map.of());
    }

    private void inTransaction(Runnable work) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(work);
    }
}
