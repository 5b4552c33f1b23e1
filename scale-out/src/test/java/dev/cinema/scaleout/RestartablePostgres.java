package dev.cinema.scaleout;

import dev.cinema.platform.testsupport.process.JdbcDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server of the scenario's own (zonky's embedded binaries), on a data directory and
 * port that stay the same when it is stopped and started again, so that the apps find their
 * database where it was after a restart, as after a restart in production.
 */
final class RestartablePostgres implements AutoCloseable {

    private static final String DATABASE = "cinema";

    private final Path data;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    static RestartablePostgres start(Path data) throws IOException, SQLException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RestartablePostgres postgres = new RestartablePostgres(data.resolve("cluster"), port);
        postgres.restart();
        try (Connection connection = postgres.server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + DATABASE);
        }
        return postgres;
    }

    JdbcDatabase jdbc() {
        return new JdbcDatabase("jdbc:postgresql://localhost:" + port + "/" + DATABASE, "postgres", "postgres");
    }

    /** Stops the server as an operator's restart does: a fast shutdown, sessions terminated. */
    void stop() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = null;
    }

    /** Starts the server on the data directory and port it had (a new cluster the first time). */
    void restart() throws IOException {
        server = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .start();
    }

    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }
}
