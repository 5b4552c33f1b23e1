package dev.cinema.query.rebuild;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checksums of one slot of a projection: every row of every table, column by column (in name
 * order, so the two schemas' column order does not matter), hashed, and the hashes summed per
 * bucket (the primary key's hash modulo {@value #BUCKETS}), which makes the sum independent of row
 * order and tells where two slots differ. Read through a cursor, so a large table is never held.
 */
@Component
class SlotChecksums {

    static final int BUCKETS = 16;

    /** A slot's checksum and its buckets per table. */
    record Checksum(String total, Map<String, long[]> buckets) {

        /** The buckets that differ from another slot's, as {table, bucket, this, other}. */
        List<DifferingBucket> differences(Checksum other) {
            List<DifferingBucket> differing = new ArrayList<>();
            buckets.forEach((table, sums) -> {
                long[] theirs = other.buckets.getOrDefault(table, new long[BUCKETS]);
                for (int b = 0; b < BUCKETS; b++) {
                    if (sums[b] != theirs[b]) {
                        differing.add(new DifferingBucket(table, b, hex(sums[b]), hex(theirs[b])));
                    }
                }
            });
            return differing;
        }
    }

    /** A bucket whose rows differ between the active and the rebuilt slot. */
    public record DifferingBucket(String table, int bucket, String active, String rebuilt) {}

    private final DataSource dataSource;
    private final TransactionTemplate transactions;

    SlotChecksums(DataSource dataSource, TransactionTemplate transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    Checksum of(RebuildableProjection projection, Slot slot) {
        // One transaction: PostgreSQL streams with a fetch size only outside auto-commit.
        return transactions.execute(status -> {
            Map<String, long[]> buckets = new TreeMap<>();
            for (String table : projection.tables()) {
                buckets.put(table, buckets(slot.schema(), table));
            }
            MessageDigest total = sha256();
            buckets.forEach((table, sums) -> {
                total.update(table.getBytes(StandardCharsets.UTF_8));
                Arrays.stream(sums).forEach(sum -> total.update(hex(sum).getBytes(StandardCharsets.UTF_8)));
            });
            return new Checksum(HexFormat.of().formatHex(total.digest()), buckets);
        });
    }

    private long[] buckets(String schema, String table) {
        List<String> key = primaryKey(schema, table);
        long[] sums = new long[BUCKETS];
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(1000);
        cursor.query("select * from " + schema + "." + table, (ResultSet row) -> {
            Map<String, String> columns = columns(row);
            StringBuilder keyText = new StringBuilder();
            (key.isEmpty() ? List.copyOf(columns.keySet()) : key)
                    .forEach(column -> keyText.append(columns.get(column)).append('|'));
            StringBuilder rowText = new StringBuilder();
            columns.forEach((column, value) ->
                    rowText.append(column).append('=').append(value).append('|'));
            int bucket = Math.floorMod(keyText.toString().hashCode(), BUCKETS);
            sums[bucket] += hash(rowText.toString());
        });
        return sums;
    }

    private static Map<String, String> columns(ResultSet row) throws SQLException {
        ResultSetMetaData meta = row.getMetaData();
        Map<String, String> columns = new TreeMap<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            columns.put(meta.getColumnLabel(c).toLowerCase(Locale.ROOT), row.getString(c));
        }
        return columns;
    }

    /** The primary key's columns, lower case; empty if the table has none (then the whole row is the key). */
    private List<String> primaryKey(String schema, String table) {
        var connection = DataSourceUtils.getConnection(dataSource);
        try {
            DatabaseMetaData meta = connection.getMetaData();
            for (String[] names : List.of(
                    new String[] {schema, table},
                    new String[] {schema.toUpperCase(Locale.ROOT), table.toUpperCase(Locale.ROOT)})) {
                Map<Integer, String> columns = new TreeMap<>();
                try (ResultSet keys = meta.getPrimaryKeys(null, names[0], names[1])) {
                    while (keys.next()) {
                        columns.put(
                                keys.getInt("KEY_SEQ"),
                                keys.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                if (!columns.isEmpty()) {
                    return List.copyOf(new LinkedHashMap<>(columns).values());
                }
            }
            return List.of();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the primary key of " + schema + "." + table, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static long hash(String text) {
        byte[] digest = sha256().digest(text.getBytes(StandardCharsets.UTF_8));
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (digest[i] & 0xff);
        }
        return value;
    }

    private static String hex(long value) {
        return String.format("%016x", value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
