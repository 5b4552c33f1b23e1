package dev.cinema.query.rebuild;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one row per projection that every node follows: which slot answers queries and which slots'
 * processors run. Switching is an update of {@code active_slot} in one transaction; every node
 * reads the table every {@link ProjectionSlotProperties#pollInterval()}.
 */
@Component
class SlotTable {

    record SlotRow(
            String projection,
            Slot active,
            SlotState slotA,
            SlotState slotB,
            String lastVerifiedChecksum,
            Instant lastVerifiedAt,
            Instant switchedAt) {

        SlotState state(Slot slot) {
            return slot == Slot.A ? slotA : slotB;
        }
    }

    private final JdbcTemplate jdbc;

    SlotTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A projection seen for the first time answers from slot A, which its processor keeps; B is empty. */
    void ensure(String projection) {
        if (find(projection).isPresent()) {
            return;
        }
        try {
            jdbc.update(
                    "insert into projection_slot (projection, active_slot, slot_a_state, slot_b_state, version)"
                            + " values (?, 'A', 'LIVE', 'EMPTY', 0)",
                    projection);
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            // Both nodes started at once: the row is there either way.
        }
    }

    List<SlotRow> all() {
        return jdbc.query("select * from projection_slot order by projection", SlotTable::row);
    }

    Optional<SlotRow> find(String projection) {
        return jdbc.query("select * from projection_slot where projection = ?", SlotTable::row, projection).stream()
                .findFirst();
    }

    /** Locks the row for the rest of the transaction: rebuilds and switches of one projection queue here. */
    SlotRow lock(String projection) {
        return jdbc
                .query("select * from projection_slot where projection = ? for update", SlotTable::row, projection)
                .stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No slot row for " + projection));
    }

    void state(String projection, Slot slot, SlotState state) {
        jdbc.update(
                "update projection_slot set " + (slot == Slot.A ? "slot_a_state" : "slot_b_state")
                        + " = ?, version = version + 1 where projection = ?",
                state.name(),
                projection);
    }

    void activate(String projection, Slot slot, Instant at) {
        jdbc.update(
                "update projection_slot set active_slot = ?, switched_at = ?, version = version + 1 where projection = ?",
                slot.name(),
                Timestamp.from(at),
                projection);
    }

    void verified(String projection, String checksum, Instant at) {
        jdbc.update(
                "update projection_slot set last_verified_checksum = ?, last_verified_at = ? where projection = ?",
                checksum,
                Timestamp.from(at),
                projection);
    }

    private static SlotRow row(ResultSet row, int index) throws SQLException {
        return new SlotRow(
                row.getString("projection"),
                Slot.valueOf(row.getString("active_slot")),
                SlotState.valueOf(row.getString("slot_a_state")),
                SlotState.valueOf(row.getString("slot_b_state")),
                row.getString("last_verified_checksum"),
                instant(row.getTimestamp("last_verified_at")),
                instant(row.getTimestamp("switched_at")));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
