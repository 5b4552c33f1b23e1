package dev.cinema.platform.testsupport;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.boot.SpringApplication;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded binaries: no Docker, no install), and
 * a fresh database per caller, so test classes never see each other's events.
 */
public final class EmbeddedPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
    private static final AtomicBoolean STOPPING = new AtomicBoolean();
    private static final CountDownLatch STOPPED = new CountDownLatch(1);

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
                        // Stopped below, once Spring has closed this JVM's contexts.
                        .setRegisterShutdownHook(false)
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start embedded PostgreSQL", e);
            }
            SpringApplication.getShutdownHandlers().add(EmbeddedPostgres::stop);
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgres::stopUnlessSpringWill));
        }
        return server;
    }

    /**
     * JVM shutdown hooks run at the same time: Spring's closes the test contexts cached in this
     * JVM while a hook of ours (or zonky's) would stop the server. A context whose database went
     * first has a connection pool retrying to connect, and closing it waits for that (up to 30 s,
     * Hikari's connection timeout), past which Surefire kills the fork with a thread dump. So the
     * server is stopped by a shutdown handler of Spring's, which runs after the contexts are
     * closed; this hook only stops it when no Spring hook is running (no Spring app in this JVM).
     */
    private static void stopUnlessSpringWill() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try {
            while (!STOPPED.await(200, TimeUnit.MILLISECONDS)) {
                if (System.nanoTime() > deadline || !springIsShuttingDown()) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop();
    }

    private static boolean springIsShuttingDown() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(thread -> thread.getName().equals("SpringApplicationShutdownHook"));
    }

    private static void stop() {
        if (STOPPING.compareAndSet(false, true)) {
            try {
                server.close();
            } catch (IOException ignored) {
                // The JVM is going away; the server's directory is temporary.
            }
        }
        STOPPED.countDown();
    }
}
