package dev.cinema.query.rebuild;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Plain JDBC for a projection's batch writes, every statement routed to the slot this thread
 * writes ({@link SlotRouting#route(String)}): reads of many keys with one statement, inserts and
 * updates of many rows with one statement. No upsert: a batch knows which of its rows exist,
 * having read them first, and only one processor writes a slot.
 *
 * <p>On PostgreSQL each of these is one statement whatever the number of rows, its rows passed as
 * one array per column and spread with {@code unnest} (the same text every time, so the server
 * parses and plans it once per connection; much cheaper on the server than a statement per row).
 * Elsewhere (H2, in the same process) keys go in an {@code IN} list, inserts {@value
 * #ROWS_PER_INSERT} rows to a statement, and updates as one JDBC batch. Values are bound by their
 * declared SQL type, so that a null needs no look-up of the parameter's type.
 */
@Component
public class SlotJdbc {

    /** Rows per INSERT statement (times the columns, the statement's parameters), where arrays are not used. */
    static final int ROWS_PER_INSERT = 100;

    /** Keys per SELECT ... IN statement, where arrays are not used. */
    static final int KEYS_PER_SELECT = 500;

    /** Rows per statement with arrays. */
    static final int ROWS_PER_ARRAY = 10_000;

    private final JdbcTemplate jdbc;
    private final SlotRouting routing;
    private volatile Boolean postgres;

    SlotJdbc(JdbcTemplate jdbc, SlotRouting routing) {
        this.jdbc = jdbc;
        this.routing = routing;
    }

    /** A table's columns and their SQL types ({@link Types}: VARCHAR, INTEGER, BIGINT, TIMESTAMP_WITH_TIMEZONE). */
    public record Columns(String table, List<String> names, int[] types) {

        public Columns {
            names = List.copyOf(names);
            if (names.size() != types.length) {
                throw new IllegalArgumentException("A type for every column of " + table);
            }
        }
    }

    /**
     * The rows that {@code sqlBeforeKeys} (a statement ending in {@code where}) selects whose
     * {@code keyColumns} match one of {@code keys} (each key one value per key column, of {@code
     * keyTypes}).
     */
    public <T> List<T> selectByKeys(
            String sqlBeforeKeys,
            List<String> keyColumns,
            int[] keyTypes,
            Collection<Object[]> keys,
            RowMapper<T> rows) {
        List<T> found = new ArrayList<>();
        List<Object[]> all = List.copyOf(keys);
        String columns = " (" + String.join(", ", keyColumns) + ") in ";
        if (postgres()) {
            String sql = routing.route(sqlBeforeKeys + columns + "(select * from " + unnest(keyTypes) + ")");
            for (List<Object[]> chunk : chunks(all, ROWS_PER_ARRAY)) {
                found.addAll(jdbc.query(sql, statement -> bindArrays(statement, keyTypes, chunk), rows));
            }
            return found;
        }
        String tuple = placeholders(keyTypes.length);
        for (List<Object[]> chunk : chunks(all, KEYS_PER_SELECT)) {
            StringJoiner in = new StringJoiner(", ", columns + "(", ")");
            chunk.forEach(key -> in.add(tuple));
            found.addAll(jdbc.query(
                    routing.route(sqlBeforeKeys + in),
                    statement -> {
                        int index = 1;
                        for (Object[] key : chunk) {
                            for (int k = 0; k < keyTypes.length; k++) {
                                bind(statement, index++, key[k], keyTypes[k]);
                            }
                        }
                    },
                    rows));
        }
        return found;
    }

    /** Reads rows with a statement of the application's (routed). */
    public <T> List<T> select(String sql, RowMapper<T> rows, Object... arguments) {
        return jdbc.query(routing.route(sql), rows, arguments);
    }

    /** Inserts the rows (one value per column each). */
    public void insert(Columns columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String into = "insert into " + columns.table() + " (" + String.join(", ", columns.names()) + ")";
        if (postgres()) {
            String sql = routing.route(into + " select * from " + unnest(columns.types()));
            for (List<Object[]> chunk : chunks(rows, ROWS_PER_ARRAY)) {
                jdbc.update(sql, statement -> bindArrays(statement, columns.types(), chunk));
            }
            return;
        }
        String tuple = placeholders(columns.types().length);
        for (List<Object[]> chunk : chunks(rows, ROWS_PER_INSERT)) {
            StringJoiner values = new StringJoiner(", ", " values ", "");
            chunk.forEach(row -> values.add(tuple));
            jdbc.update(routing.route(into + values), statement -> {
                int index = 1;
                for (Object[] row : chunk) {
                    for (int c = 0; c < columns.types().length; c++) {
                        bind(statement, index++, row[c], columns.types()[c]);
                    }
                }
            });
        }
    }

    /**
     * Updates existing rows: each row is the values of {@code columns}, whose last {@code keyCount}
     * columns are the key that finds the row, the others what it is set to. A key must not repeat.
     */
    public void update(Columns columns, int keyCount, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<String> names = columns.names();
        List<String> set = names.subList(0, names.size() - keyCount);
        List<String> key = names.subList(names.size() - keyCount, names.size());
        if (postgres()) {
            String sql = routing.route("update " + columns.table() + " as t set "
                    + set.stream().map(name -> name + " = v." + name).collect(Collectors.joining(", "))
                    + " from " + unnest(columns.types()) + " as v (" + String.join(", ", names) + ") where "
                    + key.stream().map(name -> "t." + name + " = v." + name).collect(Collectors.joining(" and ")));
            for (List<Object[]> chunk : chunks(rows, ROWS_PER_ARRAY)) {
                jdbc.update(sql, statement -> bindArrays(statement, columns.types(), chunk));
            }
            return;
        }
        String sql = routing.route("update " + columns.table() + " set "
                + set.stream().map(name -> name + " = ?").collect(Collectors.joining(", ")) + " where "
                + key.stream().map(name -> name + " = ?").collect(Collectors.joining(" and ")));
        jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement statement, int i) throws SQLException {
                Object[] row = rows.get(i);
                for (int c = 0; c < row.length; c++) {
                    bind(statement, c + 1, row[c], columns.types()[c]);
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>) connection ->
                    "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return known;
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }

    /** {@code unnest(?::varchar[], ?::int4[], ...)}: one array parameter per column. */
    private static String unnest(int[] types) {
        return Arrays.stream(types)
                .mapToObj(type -> "?::" + arrayType(type) + "[]")
                .collect(Collectors.joining(", ", "unnest(", ")"));
    }

    private static String arrayType(int type) {
        return switch (type) {
            case Types.VARCHAR -> "varchar";
            case Types.INTEGER -> "int4";
            case Types.BIGINT -> "int8";
            case Types.TIMESTAMP_WITH_TIMEZONE -> "timestamptz";
            default -> throw new IllegalArgumentException("No array type for SQL type " + type);
        };
    }

    /**
     * Binds column {@code c} of every row as the {@code c}-th parameter: an array, written as
     * PostgreSQL's array literal ({@code {"a","b",NULL}}) and typed by the statement's cast. Written
     * here rather than by the driver's {@code createArrayOf}, which appends string elements a
     * character at a time (measured at a seventh of a replaying processor's time).
     */
    private static void bindArrays(PreparedStatement statement, int[] types, List<Object[]> rows) throws SQLException {
        for (int c = 0; c < types.length; c++) {
            StringBuilder literal = new StringBuilder(rows.size() * 16).append('{');
            for (int r = 0; r < rows.size(); r++) {
                if (r > 0) {
                    literal.append(',');
                }
                appendElement(literal, rows.get(r)[c]);
            }
            statement.setObject(c + 1, literal.append('}').toString(), Types.OTHER);
        }
    }

    /** An array element: NULL, or the value's text in double quotes (quotes and backslashes escaped). */
    static void appendElement(StringBuilder literal, Object value) {
        if (value == null) {
            literal.append("NULL");
            return;
        }
        String text = value instanceof Enum<?> e ? e.name() : value.toString();
        literal.append('"');
        if (text.indexOf('"') < 0 && text.indexOf('\\') < 0) {
            literal.append(text);
        } else {
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '"' || ch == '\\') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
        }
        literal.append('"');
    }

    private static String placeholders(int count) {
        StringJoiner tuple = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < count; i++) {
            tuple.add("?");
        }
        return tuple.toString();
    }

    private static void bind(PreparedStatement statement, int index, Object value, int type) throws SQLException {
        if (value == null) {
            statement.setNull(index, type);
            return;
        }
        switch (type) {
            case Types.VARCHAR -> statement.setString(index, value instanceof Enum<?> e ? e.name() : (String) value);
            case Types.BIGINT -> statement.setLong(index, ((Number) value).longValue());
            case Types.INTEGER -> statement.setInt(index, ((Number) value).intValue());
            case Types.TIMESTAMP_WITH_TIMEZONE ->
                statement.setObject(
                        index,
                        OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC),
                        Types.TIMESTAMP_WITH_TIMEZONE);
            default -> throw new IllegalArgumentException("Unsupported SQL type " + type);
        }
    }

    /** An instant of a {@code timestamp with time zone} column. */
    public static Instant instant(java.sql.ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
