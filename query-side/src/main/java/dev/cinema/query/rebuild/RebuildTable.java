package dev.cinema.query.rebuild;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The rebuilds' records ({@code projection_rebuild}). */
@Component
class RebuildTable {

    private final JdbcTemplate jdbc;

    RebuildTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Rebuild rebuild) {
        jdbc.update(
                "insert into projection_rebuild (rebuild_id, projection, target_slot, phase, step, auto_switch, leader,"
                        + " started_at, updated_at, head_at_start, head, events_per_second, percent)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)",
                rebuild.id,
                rebuild.projection,
                rebuild.target.name(),
                rebuild.phase.name(),
                rebuild.step.name(),
                rebuild.autoSwitch,
                rebuild.leader,
                Timestamp.from(rebuild.startedAt),
                Timestamp.from(rebuild.updatedAt),
                rebuild.headAtStart,
                rebuild.head);
    }

    void update(Rebuild rebuild) {
        jdbc.update(
                "update projection_rebuild set phase = ?, step = ?, leader = ?, updated_at = ?, head_at_start = ?,"
                        + " head = ?, rebuilt_position = ?, active_position = ?, events_per_second = ?, percent = ?,"
                        + " seconds_left = ?, cut = ?, checksum_active = ?, checksum_rebuilt = ?,"
                        + " differing_buckets = ?, error = ? where rebuild_id = ?",
                ps -> {
                    ps.setString(1, rebuild.phase.name());
                    ps.setString(2, rebuild.step.name());
                    ps.setString(3, rebuild.leader);
                    ps.setTimestamp(4, Timestamp.from(rebuild.updatedAt));
                    ps.setLong(5, rebuild.headAtStart);
                    ps.setLong(6, rebuild.head);
                    setLong(ps, 7, rebuild.rebuiltPosition);
                    setLong(ps, 8, rebuild.activePosition);
                    ps.setDouble(9, rebuild.eventsPerSecond);
                    ps.setDouble(10, rebuild.percent);
                    setLong(ps, 11, rebuild.secondsLeft);
                    setLong(ps, 12, rebuild.cut);
                    ps.setString(13, rebuild.checksumActive);
                    ps.setString(14, rebuild.checksumRebuilt);
                    ps.setString(15, rebuild.differingBuckets);
                    ps.setString(16, rebuild.error);
                    ps.setString(17, rebuild.id);
                });
    }

    Optional<Rebuild> find(String projection, String id) {
        return jdbc
                .query(
                        "select * from projection_rebuild where projection = ? and rebuild_id = ?",
                        RebuildTable::rebuild,
                        projection,
                        id)
                .stream()
                .findFirst();
    }

    /** The projection's newest rebuild. */
    Optional<Rebuild> latest(String projection) {
        return jdbc
                .query(
                        "select * from projection_rebuild where projection = ? order by started_at desc",
                        RebuildTable::rebuild,
                        projection)
                .stream()
                .findFirst();
    }

    /** Rebuilds still running, of every projection. */
    List<Rebuild> unfinished() {
        return jdbc.query(
                "select * from projection_rebuild where phase in ('REPLAYING', 'VERIFYING') order by started_at",
                RebuildTable::rebuild);
    }

    private static void setLong(java.sql.PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static Long getLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static Rebuild rebuild(ResultSet row, int index) throws SQLException {
        Rebuild rebuild = new Rebuild();
        rebuild.id = row.getString("rebuild_id");
        rebuild.projection = row.getString("projection");
        rebuild.target = Slot.valueOf(row.getString("target_slot"));
        rebuild.phase = RebuildPhase.valueOf(row.getString("phase"));
        rebuild.step = Rebuild.Step.valueOf(row.getString("step"));
        rebuild.autoSwitch = row.getBoolean("auto_switch");
        rebuild.leader = row.getString("leader");
        rebuild.startedAt = SlotTable.instant(row.getTimestamp("started_at"));
        rebuild.updatedAt = SlotTable.instant(row.getTimestamp("updated_at"));
        rebuild.headAtStart = row.getLong("head_at_start");
        rebuild.head = row.getLong("head");
        rebuild.rebuiltPosition = getLong(row, "rebuilt_position");
        rebuild.activePosition = getLong(row, "active_position");
        rebuild.eventsPerSecond = row.getDouble("events_per_second");
        rebuild.percent = row.getDouble("percent");
        rebuild.secondsLeft = getLong(row, "seconds_left");
        rebuild.cut = getLong(row, "cut");
        rebuild.checksumActive = row.getString("checksum_active");
        rebuild.checksumRebuilt = row.getString("checksum_rebuilt");
        rebuild.differingBuckets = row.getString("differing_buckets");
        rebuild.error = row.getString("error");
        return rebuild;
    }
}
