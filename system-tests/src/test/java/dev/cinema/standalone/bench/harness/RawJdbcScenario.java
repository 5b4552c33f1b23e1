package dev.cinema.standalone.bench.harness;

import dev.cinema.platform.testsupport.process.JdbcDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Baseline: what the server itself can commit. {@value #CALLERS} clients, each on its own
 * connection in autocommit, insert one event-sized row per transaction (the shape of Axon's
 * {@code domain_event_entry}: a few ids, a 400-byte payload, 200 bytes of metadata) into a scratch
 * table for a fixed time. Every hold commits at least one such transaction, so no hold scenario
 * can beat this rate by committing once per hold; only batching several into one commit can.
 */
final class RawJdbcScenario implements Scenario {

    static final String NAME = "raw-jdbc";
    static final int CALLERS = 32;

    private static final String TABLE = """
            create table bench_event_entry (
                global_index         bigserial    primary key,
                event_identifier     varchar(255) not null unique,
                aggregate_identifier varchar(255) not null,
                sequence_number      bigint       not null,
                type                 varchar(255),
                time_stamp           varchar(255) not null,
                payload_type         varchar(255) not null,
                payload_revision     varchar(255),
                payload              bytea        not null,
                meta_data            bytea,
                unique (aggregate_identifier, sequence_number))""";

    private static final String INSERT = "insert into bench_event_entry (event_identifier, aggregate_identifier,"
            + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
            + " values (?, ?, ?, 'Screening', ?, 'dev.cinema.contracts.booking.SeatsHeldEvent', null, ?, ?)";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ScenarioResult run(RunContext run) throws Exception {
        JdbcDatabase database = run.databases().fresh();
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists bench_event_entry");
            statement.execute(TABLE);
        }
        long seconds = run.pick(10, 2);
        insertFor(database, 1, new Tally()); // warm-up: connections, JIT, the table's first pages
        Tally tally = new Tally();
        double elapsed = insertFor(database, seconds, tally);
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            statement.execute("drop table bench_event_entry");
        }
        return ScenarioResult.of(
                NAME,
                CALLERS + " clients, one row per transaction (autocommit), " + seconds + " s",
                tally.ok(),
                elapsed,
                "TPS",
                tally.latency(),
                tally.errors(),
                Target.NONE,
                "",
                List.of());
    }

    private static double insertFor(JdbcDatabase database, long seconds, Tally tally) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        return Callers.run(CALLERS, () -> {
            byte[] payload = new byte[400];
            byte[] metadata = new byte[200];
            ThreadLocalRandom.current().nextBytes(payload);
            ThreadLocalRandom.current().nextBytes(metadata);
            String aggregate = UUID.randomUUID().toString();
            try (Connection connection = database.connect();
                    PreparedStatement insert = connection.prepareStatement(INSERT)) {
                connection.setAutoCommit(true);
                for (long sequence = 0; System.nanoTime() < end; sequence++) {
                    long t0 = System.nanoTime();
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, aggregate);
                    insert.setLong(3, sequence);
                    insert.setString(4, java.time.Instant.now().toString());
                    insert.setBytes(5, payload);
                    insert.setBytes(6, metadata);
                    try {
                        insert.executeUpdate();
                        tally.answer(Tally.OK, System.nanoTime() - t0);
                    } catch (SQLException e) {
                        tally.count("SQL " + e.getSQLState());
                    }
                }
            } catch (SQLException e) {
                tally.count("no connection: " + e.getSQLState());
            }
        });
    }
}
