package dev.cinema.standalone.bench.harness;

import dev.cinema.platform.testsupport.EmbeddedPostgres;
import dev.cinema.platform.testsupport.process.JdbcDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where scenarios store their events: a fresh database per scenario, because holds expire ten
 * minutes after they were made and an earlier scenario's expiries would compete with the holds a
 * later one measures. On the embedded server (the default) every database is new anyway; on a
 * server given by URL the harness creates {@code <dbname>_h<N>} (the first N whose name is free)
 * when its role may create databases and drops them at the end, and otherwise shares the one
 * database given, and says so.
 */
final class Databases implements AutoCloseable {

    private static final Pattern DATABASE_NAME = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]+)(.*)$");

    /** PostgreSQL's SQLSTATE for a database that already exists. */
    private static final String DUPLICATE_DATABASE = "42P04";

    private final JdbcDatabase given;
    private final boolean embedded;
    private final boolean canCreate;
    private final List<String> created = new ArrayList<>();
    private final ServerSettings settings;

    private Databases(JdbcDatabase given, boolean embedded, boolean canCreate) throws SQLException {
        this.given = given;
        this.embedded = embedded;
        this.canCreate = canCreate;
        try (Connection connection = given.connect()) {
            this.settings = ServerSettings.read(connection);
        }
    }

    /** The embedded PostgreSQL of the tests (zonky), started on first use. */
    static Databases onEmbeddedServer() throws SQLException {
        return new Databases(new JdbcDatabase(EmbeddedPostgres.newDatabase(), "postgres", "postgres"), true, false);
    }

    static Databases onServer(String url, String user, String password) throws SQLException {
        if (!DATABASE_NAME.matcher(url).matches()) {
            throw new IllegalArgumentException("Expected jdbc:postgresql://host[:port]/database, got " + url);
        }
        JdbcDatabase given = new JdbcDatabase(url, user, password);
        try (Connection connection = given.connect();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select rolcreatedb or rolsuper from pg_roles where rolname = current_user")) {
            return new Databases(given, false, rows.next() && rows.getBoolean(1));
        }
    }

    ServerSettings settings() {
        return settings;
    }

    /** Whether each scenario gets a database of its own (false: all share the one given). */
    boolean freshPerScenario() {
        return canCreate || embedded;
    }

    /** A database no scenario has used yet, when the server allows it; else the one given. */
    synchronized JdbcDatabase fresh() throws SQLException {
        if (embedded) {
            return new JdbcDatabase(EmbeddedPostgres.newDatabase(), "postgres", "postgres");
        }
        if (!canCreate) {
            return given;
        }
        Matcher parts = DATABASE_NAME.matcher(given.url());
        parts.matches();
        String name;
        try (Connection connection = given.connect();
                Statement statement = connection.createStatement()) {
            // A name that exists is skipped, never dropped: it may belong to a run going on now
            // (another harness on the same server), or be left by a run that was killed.
            for (int n = created.size() + 1; ; n++) {
                name = parts.group(2) + "_h" + n;
                try {
                    statement.execute("create database " + name);
                    break;
                } catch (SQLException e) {
                    if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                        throw e;
                    }
                }
            }
        }
        created.add(name);
        return new JdbcDatabase(parts.group(1) + name + parts.group(3), given.user(), given.password());
    }

    /** Drops the databases this run created; the processes using them must be stopped first. */
    @Override
    public synchronized void close() {
        try (Connection connection = given.connect();
                Statement statement = connection.createStatement()) {
            for (String name : created) {
                statement.execute("drop database if exists " + name + " with (force)");
            }
            created.clear();
        } catch (SQLException e) {
            System.err.println("Could not drop the harness databases " + created + ": " + e.getMessage());
        }
    }
}
