package dev.cinema.platform.testsupport;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded binaries: no Docker, no install), and
 * a fresh database per caller, so test classes never see each other's events.
 */
public final class EmbeddedPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres() {}

    /** Creates an empty database and answers its JDBC URL (user and password: postgres). */
    public static synchronized String newDatabase() {
        String name = "cinema_test_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    public static synchronized DataSource dataSource(String database) {
        return server().getDatabase("postgres", database);
    }

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        // Stopped by the hook below, once Spring has closed this JVM's contexts.
                        .setRegisterShutdownHook(false)
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                awaitSpringsShutdownHook();
                try {
                    server.close();
                } catch (IOException ignored) {
                    // The JVM is going away; the server's directory is temporary.
                }
            }));
        }
        return server;
    }

    /**
     * JVM shutdown hooks run at the same time: Spring's closes the test contexts cached in this
     * JVM while this one stops the server. A context whose database went first has a connection
     * pool retrying to connect, and closing it waits for that (up to 30 s, Hikari's connection
     * timeout), past which Surefire kills the fork with a thread dump. So the server outlives them.
     */
    private static void awaitSpringsShutdownHook() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("SpringApplicationShutdownHook") && thread != Thread.currentThread()) {
                try {
                    thread.join(TimeUnit.SECONDS.toMillis(20));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
