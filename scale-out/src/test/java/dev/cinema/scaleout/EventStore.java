package dev.cinema.scaleout;

import dev.cinema.platform.testsupport.process.JdbcDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the shared event store and token table say, read with plain SQL as an auditor would. */
final class EventStore {

    private static final String BOOKING = "dev.cinema.contracts.booking.";

    private final JdbcDatabase database;

    EventStore(JdbcDatabase database) {
        this.database = database;
    }

    Set<String> bookingsPlaced() throws SQLException {
        return aggregatesWith("BookingPlacedEvent");
    }

    Set<String> bookingsConfirmed() throws SQLException {
        return aggregatesWith("BookingConfirmedEvent");
    }

    Set<String> bookingsRefunded() throws SQLException {
        return aggregatesWith("BookingRefundedEvent");
    }

    /** Each expired booking with the time its expiry was stored. */
    Map<String, Instant> expiries() throws SQLException {
        Map<String, Instant> expiries = new HashMap<>();
        query(
                "select aggregate_identifier, time_stamp from domain_event_entry where payload_type = ?",
                List.of(BOOKING + "BookingExpiredEvent"),
                row -> expiries.put(row.getString(1), Instant.parse(row.getString(2))));
        return expiries;
    }

    /** The node (Axon: {@code pid@host}) that owns segment 0 of {@code processor}, or null. */
    String ownerOf(String processor) throws SQLException {
        String[] owner = new String[1];
        query(
                "select owner from token_entry where processor_name = ? and segment = 0",
                List.of(processor),
                row -> owner[0] = row.getString(1));
        return owner[0];
    }

    /** How many claimed segments of the processors named {@code prefix}... each node owns. */
    Map<String, Integer> owners(String prefix) throws SQLException {
        Map<String, Integer> owners = new HashMap<>();
        query(
                "select owner, count(*) from token_entry where processor_name like ? and owner is not null group by owner",
                List.of(prefix + "%"),
                row -> owners.put(row.getString(1), row.getInt(2)));
        return owners;
    }

    /** Aggregates whose stored events are not numbered 0, 1, 2, ... without a gap. */
    Set<String> aggregatesWithGaps() throws SQLException {
        return strings(
                "select aggregate_identifier from domain_event_entry group by aggregate_identifier"
                        + " having count(*) <> max(sequence_number) + 1 or min(sequence_number) <> 0",
                List.of());
    }

    /** Bookings placed whose seats no SeatsHeldEvent of their screening holds for them. */
    Set<String> bookingsWithoutHeldSeats() throws SQLException {
        return strings(
                "select b.aggregate_identifier from domain_event_entry b where b.payload_type = ? and not exists ("
                        + " select 1 from domain_event_entry s where s.payload_type = ?"
                        + " and position(b.aggregate_identifier in convert_from(s.payload, 'UTF8')) > 0)",
                List.of(BOOKING + "BookingPlacedEvent", BOOKING + "SeatsHeldEvent"));
    }

    private Set<String> aggregatesWith(String event) throws SQLException {
        return strings(
                "select aggregate_identifier from domain_event_entry where payload_type = ?", List.of(BOOKING + event));
    }

    private Set<String> strings(String sql, List<String> parameters) throws SQLException {
        Set<String> found = new HashSet<>();
        query(sql, parameters, row -> found.add(row.getString(1)));
        return found;
    }

    @FunctionalInterface
    private interface Row {
        void read(ResultSet row) throws SQLException;
    }

    private void query(String sql, List<String> parameters, Row each) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    each.read(rows);
                }
            }
        }
    }
}
