package dev.cinema.query.rebuild;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Sends each read-model statement to the slot it belongs to. Hibernate hands every statement it
 * prepares (JPQL, derived and native queries alike) to this inspector; a table of a rebuildable
 * projection, written {@code read_model.<table>}, is rewritten to {@code read_model_b.<table>}
 * when the statement should go to slot B:
 *
 * <ul>
 *   <li>on a processor's thread, the slot that processor writes (each slot's processor threads
 *       carry their projection and slot from birth, see {@link #threadFactory});
 *   <li>on any other thread (HTTP requests, subscription queries), the projection's active slot.
 * </ul>
 *
 * <p>While every projection answers from slot A and no slot-B processor is at work, statements
 * pass untouched: the common case costs one thread-local read.
 */
public final class SlotRouting implements StatementInspector {

    private static final Pattern READ_MODEL_TABLE = Pattern.compile("\\bread_model\\.(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final ThreadLocal<Route> THREAD_ROUTE = new ThreadLocal<>();

    /** A processor thread's projection and the slot it writes. */
    public record Route(String projection, Slot slot) {}

    private final Map<String, String> projectionOfTable;
    private final Map<String, Route> routeOfGroup;
    private volatile Map<String, Slot> active = Map.of();
    private volatile boolean anyActiveB;

    public SlotRouting(Map<String, String> projectionOfTable, Map<String, Route> routeOfGroup) {
        Map<String, String> lowerCase = new HashMap<>();
        projectionOfTable.forEach((table, projection) -> lowerCase.put(table.toLowerCase(Locale.ROOT), projection));
        this.projectionOfTable = Map.copyOf(lowerCase);
        this.routeOfGroup = Map.copyOf(routeOfGroup);
    }

    /** Which slot each projection answers from (projections left out answer from A). */
    void activate(Map<String, Slot> activeSlots) {
        this.active = Map.copyOf(activeSlots);
        this.anyActiveB = activeSlots.containsValue(Slot.B);
    }

    Slot activeSlot(String projection) {
        return active.getOrDefault(projection, Slot.A);
    }

    /** The processing group of the slot a projection answers from ({@code slotAGroup} or its {@code @b} twin). */
    public String activeGroup(String projection, String slotAGroup) {
        return activeSlot(projection).processingGroup(slotAGroup);
    }

    /**
     * True unless this thread is a processor writing a slot that nobody reads: a rebuild, or the
     * slot kept current after a switch for switching back. Live pushes (subscription-query updates)
     * go out only when this is true, so a replay never reaches a customer's screen.
     */
    public boolean isLive() {
        Route route = THREAD_ROUTE.get();
        return route == null || activeSlot(route.projection) == route.slot;
    }

    /** The same routing for SQL the application writes itself (JdbcTemplate). */
    public String route(String sql) {
        return inspect(sql);
    }

    @Override
    public String inspect(String sql) {
        Route route = THREAD_ROUTE.get();
        if (!anyActiveB && (route == null || route.slot == Slot.A)) {
            return sql;
        }
        Matcher table = READ_MODEL_TABLE.matcher(sql);
        if (!table.find()) {
            return sql;
        }
        StringBuilder routed = new StringBuilder(sql.length() + 16);
        do {
            String projection = projectionOfTable.get(table.group(1).toLowerCase(Locale.ROOT));
            Slot slot = projection == null
                    ? Slot.A
                    : route != null && route.projection.equals(projection) ? route.slot : activeSlot(projection);
            table.appendReplacement(routed, slot.schema() + "." + table.group(1));
        } while (table.find());
        table.appendTail(routed);
        return routed.toString();
    }

    /**
     * Threads for one slot's processor: each knows for its whole life which projection and slot it
     * writes, so every statement its handlers make goes to that slot.
     */
    ThreadFactory threadFactory(String projection, Slot slot, String processorName) {
        Route route = new Route(projection, slot);
        AtomicInteger count = new AtomicInteger();
        ThreadGroup group = new ThreadGroup(processorName);
        return work -> {
            Thread thread = new Thread(
                    group,
                    () -> {
                        THREAD_ROUTE.set(route);
                        work.run();
                    },
                    processorName + "-" + count.getAndIncrement());
            thread.setDaemon(false);
            return thread;
        };
    }

    /**
     * Runs work on this thread as the processor of a processing group would: a dead letter of
     * {@code query-seat-maps@b} retried from an HTTP request must fold into slot B, not into the
     * slot queries read. Groups that are no slot of a rebuildable projection run as they are.
     */
    public <T> T callAs(String processingGroup, java.util.function.Supplier<T> work) {
        Route route = routeOfGroup.get(processingGroup);
        if (route == null) {
            return work.get();
        }
        Route previous = THREAD_ROUTE.get();
        THREAD_ROUTE.set(route);
        try {
            return work.get();
        } finally {
            THREAD_ROUTE.set(previous);
        }
    }
}
