package dev.cinema.query.live;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A PostgreSQL notification channel on which query-side processes tell each other what changed,
 * for their live clients (issue 12's scale-out). Without Axon Server the processes share no bus: a
 * projection's segment is processed by one of them (its token's owner), and Axon's update emitter
 * reaches only the subscribers of the process it runs in. So the owner {@linkplain #tell names}
 * what changed in the transaction that writes it (PostgreSQL delivers the notification at the
 * commit, never for a rollback, to every listening process); each other process hears it, keeps
 * the items one of its own clients {@linkplain #wanted wants}, and {@linkplain #deliver delivers}
 * them from the committed read model, off the listener's thread, each pending item once however
 * often it was named. A process ignores its own notifications: it sent to its own clients directly.
 *
 * <p>PostgreSQL only ({@link #enabled()}): on H2 there is one process.
 */
public abstract class PeerChannel implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PeerChannel.class);

    /** A notification's payload must stay under 8,000 bytes: 100 items of up to 73 characters. */
    private static final int ITEMS_PER_NOTIFICATION = 100;

    private final String channel;
    private final String instance = UUID.randomUUID().toString();
    private final JdbcTemplate jdbc;
    private final boolean postgres;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final ExecutorService sender;

    protected PeerChannel(String channel, JdbcTemplate jdbc) {
        this.channel = channel;
        this.jdbc = jdbc;
        this.postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>)
                connection -> connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")));
        this.sender = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, channel + "-peers");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The channel's name, an SQL identifier. */
    public String channel() {
        return channel;
    }

    /** Whether other processes may have clients to tell. */
    public boolean enabled() {
        return postgres;
    }

    /** Names {@code items} to the other processes; call inside the transaction that writes them. */
    protected void tell(Collection<String> items) {
        if (!postgres || items.isEmpty()) {
            return;
        }
        List<String> all = new ArrayList<>(items);
        for (int from = 0; from < all.size(); from += ITEMS_PER_NOTIFICATION) {
            String payload = instance + " "
                    + String.join(",", all.subList(from, Math.min(all.size(), from + ITEMS_PER_NOTIFICATION)));
            jdbc.query("select pg_notify(?, ?)", row -> {}, channel, payload);
        }
    }

    /** Whether a client of this process wants {@code item}; called on the listener's thread, quickly. */
    protected abstract boolean wanted(String item);

    /** Reads {@code item} as committed and sends it to this process's clients. */
    protected abstract void deliver(String item);

    /** A notification heard on {@link #channel()}; called on the listener's thread. */
    public void heard(String payload) {
        int space = payload.indexOf(' ');
        if (space < 0 || payload.substring(0, space).equals(instance)) {
            return;
        }
        for (String item : payload.substring(space + 1).split(",")) {
            if (wanted(item)) {
                pending.add(item);
            }
        }
        drainSoon();
    }

    private void drainSoon() {
        if (!pending.isEmpty() && draining.compareAndSet(false, true)) {
            sender.execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (!pending.isEmpty()) {
                for (String item : List.copyOf(pending)) {
                    pending.remove(item);
                    try {
                        deliver(item);
                    } catch (RuntimeException e) {
                        // The database went away, say: the clients get the next change instead.
                        log.warn("Could not pass {} on {} to live clients: {}", item, channel, e.getMessage());
                    }
                }
            }
        } finally {
            draining.set(false);
            drainSoon();
        }
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
    }
}
