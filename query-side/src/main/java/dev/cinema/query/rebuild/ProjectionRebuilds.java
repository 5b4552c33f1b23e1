package dev.cinema.query.rebuild;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.platform.ops.DeadLetters;
import dev.cinema.platform.refusal.Refusal;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds projections into the slot nobody reads, and switches (DESIGN.md section 10).
 *
 * <p>Every node follows the slot table ({@link SlotTable}) every poll interval: it routes queries
 * to each projection's active slot and runs exactly the slot processors whose state is LIVE, so
 * stopping a slot "everywhere" is one update that every node obeys. A rebuild is driven by one
 * node, its leader (the node that accepted it; another node takes over if the leader falls silent),
 * through these steps:
 *
 * <ol>
 *   <li>STOPPING: the target slot is RESETTING; once no node holds a claim on its tokens, one
 *       transaction forgets its tokens, empties its tables and makes it LIVE again, so every node
 *       may replay it from the first event;
 *   <li>REPLAYING: progress is its token's position against the head of the store;
 *   <li>once caught up (VERIFYING), both slots are PAUSED everywhere, and if their tokens stand at
 *       the same position (a consistent cut), both are checksummed and run again; if not, both run
 *       until caught up and the cut is tried again;
 *   <li>equal checksums switch the active slot in one transaction (or wait at READY when asked
 *       to); a mismatch stops at READY with the differing buckets and never switches by itself.
 * </ol>
 *
 * <p>Queries keep answering from the active slot throughout; pausing it for the cut only delays
 * its next update by a moment.
 */
@Component
public class ProjectionRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final Duration LEADER_SILENCE = Duration.ofSeconds(30);
    private static final Duration RATE_WINDOW = Duration.ofSeconds(10);

    private final RebuildableProjections projections;
    private final SlotRouting routing;
    private final SlotTable slots;
    private final RebuildTable rebuilds;
    private final TokenClaims tokens;
    private final DeadLetters deadLetters;
    private final SlotChecksums checksums;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ProjectionSlotProperties properties;
    private volatile Set<String> slotsMeantToRun = Set.of();
    private final Clock clock;
    private final ObjectMapper json;
    private final String node = nodeName();
    private final Map<String, Deque<Sample>> rates = new ConcurrentHashMap<>();
    private final Map<String, Integer> cutAttempts = new ConcurrentHashMap<>();
    private final Object following = new Object();
    private volatile ScheduledExecutorService ticker;
    private volatile boolean closing;

    private record Sample(Instant at, long position) {}

    ProjectionRebuilds(
            RebuildableProjections projections,
            SlotRouting routing,
            SlotTable slots,
            RebuildTable rebuilds,
            TokenClaims tokens,
            DeadLetters deadLetters,
            SlotChecksums checksums,
            EventProcessingConfiguration processing,
            EventStore eventStore,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            ProjectionSlotProperties properties,
            Clock clock,
            ObjectMapper json) {
        this.projections = projections;
        this.routing = routing;
        this.slots = slots;
        this.rebuilds = rebuilds;
        this.tokens = tokens;
        this.deadLetters = deadLetters;
        this.checksums = checksums;
        this.processing = processing;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.json = json;
    }

    // ------------------------------------------------------------------ lifecycle

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        projections.all().forEach(projection -> slots.ensure(projection.name()));
        follow();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "projection-slots");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
        ticker = executor;
    }

    @EventListener(ContextClosedEvent.class)
    void stop() throws InterruptedException {
        closing = true;
        ScheduledExecutorService executor = ticker;
        if (executor != null) {
            executor.shutdownNow();
            executor.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    private void tick() {
        try {
            follow();
            lead();
        } catch (RuntimeException e) {
            if (!closing) {
                log.warn("Projection slots: {}", e.toString(), e);
            }
        }
    }

    /**
     * The slot processors the slot table says run now (LIVE), as of the last {@link #follow()}:
     * readiness expects exactly these to run. Paused or resetting slots are stopped on purpose.
     */
    boolean meantToRun(String processingGroup) {
        return slotsMeantToRun.contains(processingGroup);
    }

    /** Routes queries to the active slots and runs exactly the slot processors the table says. */
    void follow() {
        synchronized (following) {
            List<SlotTable.SlotRow> rows = slots.all();
            routing.activate(
                    rows.stream().collect(Collectors.toMap(SlotTable.SlotRow::projection, SlotTable.SlotRow::active)));
            Set<String> meantToRun = new HashSet<>();
            for (SlotTable.SlotRow row : rows) {
                Optional<RebuildableProjection> projection = projections.named(row.projection());
                if (projection.isEmpty() || closing) {
                    continue;
                }
                for (Slot slot : Slot.values()) {
                    if (row.state(slot).runs()) {
                        meantToRun.add(projection.get().processingGroup(slot));
                    }
                    processor(projection.get(), slot).ifPresent(processor -> {
                        boolean runs = row.state(slot).runs();
                        if (runs && !processor.isRunning() && !closing) {
                            processor.start();
                        } else if (!runs && processor.isRunning()) {
                            processor.shutDown();
                        }
                    });
                }
            }
            slotsMeantToRun = Set.copyOf(meantToRun);
        }
    }

    private Optional<TrackingEventProcessor> processor(RebuildableProjection projection, Slot slot) {
        return processing.eventProcessor(projection.processingGroup(slot), TrackingEventProcessor.class);
    }

    // ------------------------------------------------------------------ what analysts ask for

    List<RebuildableProjection> projections() {
        return projections.all();
    }

    RebuildableProjection projection(String name) {
        return projections
                .named(name)
                .orElseThrow(() -> new Refusal("projection-not-found", "name", "No rebuildable projection " + name));
    }

    SlotTable.SlotRow slotRow(String name) {
        slots.ensure(name);
        return slots.find(name).orElseThrow();
    }

    Optional<Rebuild> latestRebuild(String name) {
        return rebuilds.latest(name);
    }

    Rebuild rebuild(String name, String id) {
        projection(name);
        return rebuilds.find(name, id)
                .orElseThrow(() -> new Refusal("rebuild-not-found", "rebuildId", "No rebuild " + id + " of " + name));
    }

    /** The position the active slot has reached. */
    Long activePosition(RebuildableProjection projection, Slot active) {
        return tokens.position(projection.processingGroup(active));
    }

    /** Starts rebuilding the slot that does not answer queries; refused while another rebuild of it runs. */
    Rebuild startRebuild(String name, boolean autoSwitch) {
        RebuildableProjection projection = projection(name);
        slots.ensure(name);
        Rebuild rebuild = transactions.execute(status -> {
            SlotTable.SlotRow row = slots.lock(name);
            rebuilds.latest(name).filter(latest -> !latest.phase.finished()).ifPresent(running -> {
                throw new Refusal(
                        "rebuild-in-progress",
                        "name",
                        "Rebuild " + running.id + " of " + name + " is still " + running.phase,
                        Map.of("rebuildId", running.id));
            });
            Instant now = clock.instant();
            Rebuild started = new Rebuild();
            started.id = UUID.randomUUID().toString();
            started.projection = projection.name();
            started.target = row.active().other();
            started.phase = RebuildPhase.REPLAYING;
            started.step = Rebuild.Step.STOPPING;
            started.autoSwitch = autoSwitch;
            started.leader = node;
            started.startedAt = now;
            started.updatedAt = now;
            started.headAtStart = head();
            started.head = started.headAtStart;
            slots.state(name, started.target, SlotState.RESETTING);
            rebuilds.insert(started);
            return started;
        });
        // Every node, this one included, stops the target slot at its next read of the slot table.
        return rebuild;
    }

    /** Switches to the rebuilt slot of a READY rebuild (a mismatch only when forced). */
    void switchToRebuilt(String name, boolean force) {
        projection(name);
        transactions.executeWithoutResult(status -> {
            SlotTable.SlotRow row = slots.lock(name);
            Rebuild ready = rebuilds.latest(name)
                    .filter(latest -> latest.phase == RebuildPhase.READY && latest.target != row.active())
                    .orElseThrow(() -> new Refusal(
                            "nothing-to-switch", "name", "No rebuild of " + name + " is ready to switch to"));
            boolean matches = ready.checksumRebuilt != null && ready.checksumRebuilt.equals(ready.checksumActive);
            if (!matches && !force) {
                throw new Refusal(
                        "checksum-mismatch",
                        "name",
                        "The rebuilt slot of " + name
                                + " differs from the live one; switch with force=true to take it anyway",
                        Map.of("rebuildId", ready.id));
            }
            if (row.state(ready.target) != SlotState.LIVE) {
                throw new Refusal("nothing-to-switch", "name", "The rebuilt slot of " + name + " is not running");
            }
            Instant now = clock.instant();
            slots.activate(name, ready.target, now);
            ready.phase = RebuildPhase.SWITCHED;
            ready.updatedAt = now;
            rebuilds.update(ready);
        });
        follow();
    }

    /** Switches back to the other slot, which has kept following the events since it was switched away from. */
    void switchBack(String name) {
        projection(name);
        transactions.executeWithoutResult(status -> {
            SlotTable.SlotRow row = slots.lock(name);
            Slot other = row.active().other();
            if (row.state(other) != SlotState.LIVE) {
                throw new Refusal(
                        "nothing-to-switch",
                        "name",
                        "Slot " + other + " of " + name + " is " + row.state(other) + ", not a slot to switch back to");
            }
            rebuilds.latest(name).filter(latest -> !latest.phase.finished()).ifPresent(running -> {
                throw new Refusal(
                        "rebuild-in-progress",
                        "name",
                        "Rebuild " + running.id + " of " + name + " is still running",
                        Map.of("rebuildId", running.id));
            });
            slots.activate(name, other, clock.instant());
        });
        follow();
    }

    // ------------------------------------------------------------------ leading a rebuild

    private void lead() {
        Instant now = clock.instant();
        for (Rebuild rebuild : rebuilds.unfinished()) {
            if (!rebuild.leader.equals(node)) {
                if (rebuild.updatedAt.isAfter(now.minus(LEADER_SILENCE))) {
                    continue;
                }
                log.warn(
                        "Taking over rebuild {} of {} from silent node {}",
                        rebuild.id,
                        rebuild.projection,
                        rebuild.leader);
                rebuild.leader = node;
            }
            Optional<RebuildableProjection> projection = projections.named(rebuild.projection);
            if (projection.isEmpty()) {
                continue;
            }
            try {
                advance(projection.get(), rebuild, now);
            } catch (RuntimeException e) {
                if (closing) {
                    return;
                }
                log.error("Rebuild {} of {} failed", rebuild.id, rebuild.projection, e);
                fail(projection.get(), rebuild, e.toString(), now);
            }
            rebuild.updatedAt = now;
            rebuilds.update(rebuild);
        }
    }

    private void advance(RebuildableProjection projection, Rebuild rebuild, Instant now) {
        String target = projection.processingGroup(rebuild.target);
        String active = projection.processingGroup(rebuild.target.other());
        rebuild.head = head();
        switch (rebuild.step) {
            case STOPPING -> {
                if (tokens.released(target, properties.claimTimeout(), now)) {
                    reset(projection, rebuild);
                    rebuild.step = Rebuild.Step.REPLAYING;
                    rebuild.headAtStart = rebuild.head;
                }
            }
            case REPLAYING -> {
                progress(rebuild, tokens.position(target), now);
                rebuild.activePosition = tokens.position(active);
                if (caughtUp(rebuild.rebuiltPosition, rebuild.head)) {
                    rebuild.phase = RebuildPhase.VERIFYING;
                    pause(projection, rebuild);
                }
            }
            case CATCHING_UP -> {
                rebuild.rebuiltPosition = tokens.position(target);
                rebuild.activePosition = tokens.position(active);
                if (caughtUp(rebuild.rebuiltPosition, rebuild.head) && caughtUp(rebuild.activePosition, rebuild.head)) {
                    pause(projection, rebuild);
                }
            }
            case PAUSING -> {
                if (tokens.released(target, properties.claimTimeout(), now)
                        && tokens.released(active, properties.claimTimeout(), now)) {
                    verify(projection, rebuild, now);
                }
            }
            case DONE -> {}
        }
    }

    /** Empties the target slot, forgets its tokens and dead letters, and lets it replay from the first event. */
    private void reset(RebuildableProjection projection, Rebuild rebuild) {
        transactions.executeWithoutResult(status -> {
            slots.lock(projection.name());
            tokens.forget(projection.processingGroup(rebuild.target));
            // Its dead letters were failures of what it held before; they go with it.
            deadLetters.clear(projection.processingGroup(rebuild.target));
            for (String table : projection.tables()) {
                jdbc.update("delete from " + rebuild.target.schema() + "." + table);
            }
            slots.state(projection.name(), rebuild.target, SlotState.LIVE);
        });
        rates.remove(rebuild.id);
    }

    private void pause(RebuildableProjection projection, Rebuild rebuild) {
        transactions.executeWithoutResult(status -> {
            slots.lock(projection.name());
            slots.state(projection.name(), Slot.A, SlotState.PAUSED);
            slots.state(projection.name(), Slot.B, SlotState.PAUSED);
        });
        rebuild.step = Rebuild.Step.PAUSING;
    }

    private void resume(RebuildableProjection projection) {
        transactions.executeWithoutResult(status -> {
            slots.lock(projection.name());
            slots.state(projection.name(), Slot.A, SlotState.LIVE);
            slots.state(projection.name(), Slot.B, SlotState.LIVE);
        });
    }

    /** Both slots stand still: compare them if they stand at the same position, else let them catch up and try again. */
    private void verify(RebuildableProjection projection, Rebuild rebuild, Instant now) {
        Long rebuilt = tokens.position(projection.processingGroup(rebuild.target));
        Long live = tokens.position(projection.processingGroup(rebuild.target.other()));
        rebuild.rebuiltPosition = rebuilt;
        rebuild.activePosition = live;
        if (!java.util.Objects.equals(rebuilt, live)) {
            resume(projection);
            int attempts = cutAttempts.merge(rebuild.id, 1, Integer::sum);
            if (attempts >= properties.consistentCutAttempts()) {
                fail(
                        projection,
                        rebuild,
                        "The two slots never stood at the same position in " + attempts + " attempts",
                        now);
            } else {
                rebuild.step = Rebuild.Step.CATCHING_UP;
            }
            return;
        }
        SlotChecksums.Checksum activeSum = checksums.of(projection, rebuild.target.other());
        SlotChecksums.Checksum rebuiltSum = checksums.of(projection, rebuild.target);
        resume(projection);
        rebuild.cut = rebuilt;
        rebuild.checksumActive = activeSum.total();
        rebuild.checksumRebuilt = rebuiltSum.total();
        rebuild.differingBuckets = write(activeSum.differences(rebuiltSum));
        rebuild.percent = 100;
        rebuild.secondsLeft = 0L;
        rebuild.step = Rebuild.Step.DONE;
        cutAttempts.remove(rebuild.id);
        rates.remove(rebuild.id);
        if (!activeSum.total().equals(rebuiltSum.total())) {
            log.warn(
                    "Rebuild {} of {}: the rebuilt slot differs from the live one; not switching",
                    rebuild.id,
                    projection.name());
            rebuild.phase = RebuildPhase.READY;
            return;
        }
        transactions.executeWithoutResult(status -> {
            slots.lock(projection.name());
            slots.verified(projection.name(), rebuiltSum.total(), now);
            if (rebuild.autoSwitch) {
                slots.activate(projection.name(), rebuild.target, now);
            }
        });
        rebuild.phase = rebuild.autoSwitch ? RebuildPhase.SWITCHED : RebuildPhase.READY;
        follow();
    }

    private void fail(RebuildableProjection projection, Rebuild rebuild, String error, Instant now) {
        rebuild.phase = RebuildPhase.FAILED;
        rebuild.step = Rebuild.Step.DONE;
        rebuild.error = error;
        // The active slot runs on; the target slot is left stopped until the next rebuild.
        transactions.executeWithoutResult(status -> {
            SlotTable.SlotRow row = slots.lock(projection.name());
            slots.state(projection.name(), row.active(), SlotState.LIVE);
            if (row.state(rebuild.target) != SlotState.EMPTY) {
                slots.state(projection.name(), rebuild.target, SlotState.RESETTING);
            }
        });
        cutAttempts.remove(rebuild.id);
        rates.remove(rebuild.id);
    }

    /** Percent of the store replayed (approximate: global indexes have gaps), events per second, time left. */
    private void progress(Rebuild rebuild, Long position, Instant now) {
        rebuild.rebuiltPosition = position;
        long at = position == null ? 0 : position;
        rebuild.percent = rebuild.headAtStart <= 0 ? 99.9 : Math.min(99.9, 100.0 * at / rebuild.headAtStart);
        Deque<Sample> window = rates.computeIfAbsent(rebuild.id, id -> new ArrayDeque<>());
        window.addLast(new Sample(now, at));
        while (window.size() > 2 && window.peekFirst().at().isBefore(now.minus(RATE_WINDOW))) {
            window.removeFirst();
        }
        Sample first = window.peekFirst();
        double seconds = Duration.between(first.at(), now).toMillis() / 1000.0;
        rebuild.eventsPerSecond = seconds <= 0 ? 0 : Math.max(0, (at - first.position()) / seconds);
        rebuild.secondsLeft = rebuild.eventsPerSecond <= 0
                ? null
                : (long) Math.ceil(Math.max(0, rebuild.head - at) / rebuild.eventsPerSecond);
    }

    private static boolean caughtUp(Long position, long head) {
        return head <= 0 || (position != null && position >= head);
    }

    /** The newest global index of the event store (0 when it is empty). */
    long head() {
        TrackingToken head = eventStore.createHeadToken();
        if (head == null) {
            return 0;
        }
        OptionalLong position = head.position();
        return position.isPresent() ? position.getAsLong() : 0;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<SlotChecksums.DifferingBucket> differingBuckets(Rebuild rebuild) {
        if (rebuild.differingBuckets == null) {
            return List.of();
        }
        try {
            return List.of(json.readValue(rebuild.differingBuckets, SlotChecksums.DifferingBucket[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown";
        }
        return host + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    String node() {
        return node;
    }
}
