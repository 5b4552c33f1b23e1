package dev.cinema.query.config;

import dev.cinema.platform.storage.NewEvents;
import dev.cinema.query.live.PeerChannel;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on PostgreSQL for the command side's "new events committed" ({@link NewEvents}) and
 * wakes the event store's reader, so that a hold reaches the projections in milliseconds instead
 * of at the next poll. The poll stays: it is what catches up after this listener lost its
 * connection (it reconnects by itself and wakes the reader once more when it is back), and what
 * serves H2, where nothing is listened to. One connection of the pool is kept for it.
 *
 * <p>The same connection listens on the {@link PeerChannel}s, through which query-side processes
 * pass live updates to each other's clients.
 */
final class NewEventsListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NewEventsListener.class);
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final NotifiedEventStore eventStore;
    private final List<PeerChannel> peers;
    private volatile boolean running;
    private Thread listener;

    NewEventsListener(DataSource dataSource, NotifiedEventStore eventStore, List<PeerChannel> peers) {
        this.dataSource = dataSource;
        this.eventStore = eventStore;
        this.peers = List.copyOf(peers);
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "new-events-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                    return;
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + NewEvents.CHANNEL);
                    for (PeerChannel peer : peers) {
                        statement.execute("listen " + peer.channel());
                    }
                }
                // Whatever was committed while nobody listened.
                eventStore.newEventsCommitted();
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        dispatch(notifications);
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Not listening for new events ({}); polling until reconnected", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void dispatch(PGNotification[] notifications) {
        boolean newEvents = false;
        for (PGNotification notification : notifications) {
            if (notification.getName().equals(NewEvents.CHANNEL)) {
                newEvents = true;
                continue;
            }
            for (PeerChannel peer : peers) {
                if (peer.channel().equals(notification.getName())) {
                    peer.heard(notification.getParameter());
                }
            }
        }
        if (newEvents) {
            eventStore.newEventsCommitted();
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_AFTER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
