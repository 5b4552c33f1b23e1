package dev.cinema.standalone.bench;

import dev.cinema.platform.testsupport.EmbeddedPostgres;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.JsonHttp.Response;
import dev.cinema.platform.testsupport.TestTokens;
import dev.cinema.query.QuerySideApplication;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How fast the seat-map and payment-history projections are rebuilt from about a million events
 * on PostgreSQL, beside the time it takes merely to read those events through the event store.
 * A benchmark, not a test: it prints its figures and asserts nothing. Run it with
 *
 * <pre>
 * cp -r ~/.m2/repository /tmp/m2-bench     # once: never install into the shared ~/.m2
 * mvn -B -ntp -Dmaven.repo.local=/tmp/m2-bench -DskipTests install
 * mvn -B -ntp -Dmaven.repo.local=/tmp/m2-bench -pl system-tests exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.cinema.standalone.bench.ReplayBenchmark [-Dbench.events=1000000]
 * </pre>
 *
 * or, without installing anything, with the class path Maven computes for the reactor:
 *
 * <pre>
 * mvn -B -ntp -q -pl system-tests -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/replay-cp.txt -Dmdep.includeScope=test -Dspotless.check.skip=true
 * java -cp system-tests/target/test-classes:$(cat /tmp/replay-cp.txt) \
 *     dev.cinema.standalone.bench.ReplayBenchmark
 * </pre>
 *
 * <p>What it does:
 *
 * <ol>
 *   <li>writes {@code bench.events} events (default 1,000,000) straight into {@code
 *       domain_event_entry} with JDBC batch inserts, serialized with the application's own event
 *       serializer: screenings scheduled (a 10 x 20 layout, some with price changes, a few
 *       cancelled) and bookings on them, interleaved as many customers would interleave them:
 *       seats held, then paid (payment requested and captured, booking confirmed, seats sold; some
 *       refunded later), declined, cancelled or left to expire (seats released);
 *   <li>for each configuration ({@code bench.modes}): starts the query side against that
 *       database, with every projection's processors stopped through the slot table, reads every
 *       event through the event store once (no handler work: the floor any rebuild stands on),
 *       then replays each projection into an emptied slot with its slot processor, exactly as a
 *       rebuild's replay step does, and times it until its token reaches the last event;
 *   <li>with the shipped configuration, also rebuilds each projection through the operations API
 *       ({@code POST /api/ops/projections/{name}/rebuilds}), which replays the other slot,
 *       compares both slots by checksum and switches: proof that the fast replay built exactly
 *       what the live slot holds.
 * </ol>
 *
 * <p>Modes: {@code old} is the configuration before replays were tuned (100 events per processor
 * transaction, event store pages of 100), and replays only the first {@code bench.baselineEvents}
 * events (default 100,000) so that a slow path does not take an hour; {@code shipped} is the
 * application's defaults. {@code -Dbench.extra=key=value,key=value} adds properties to the shipped
 * mode (to try other settings).
 *
 * <p>The database is a fresh one on the embedded PostgreSQL of the tests (which runs with fsync and
 * synchronous commit off), or the one named by {@code -Dbench.jdbcUrl} (with {@code bench.user},
 * {@code bench.password}; its events are reused when it already holds enough). The server's
 * settings are printed with the figures. {@code -Dbench.smoke=true} runs the whole thing on 20,000
 * events in seconds.
 */
public final class ReplayBenchmark {

    private static final boolean SMOKE = Boolean.getBoolean("bench.smoke");
    private static final long EVENTS = Long.getLong("bench.events", SMOKE ? 20_000 : 1_000_000);
    private static final long BASELINE_EVENTS = Long.getLong("bench.baselineEvents", SMOKE ? 2_000 : 100_000);
    private static final List<String> MODES =
            List.of(System.getProperty("bench.modes", "old,shipped").split(","));
    private static final List<String> PROJECTIONS = List.of(
            System.getProperty("bench.projections", "seat-maps,payment-history").split(","));
    /** Replays only the first this many events in every mode (default: old mode only, the baseline's). */
    private static final Long REPLAY_EVENTS = Long.getLong("bench.replayEvents");

    private static final boolean API = Boolean.parseBoolean(System.getProperty("bench.api", "true"));
    private static final boolean READ = Boolean.parseBoolean(System.getProperty("bench.read", "true"));

    /** Events each projection replays once, unmeasured, before it is measured: the JIT compiler's warm-up. */
    private static final long WARMUP_EVENTS = Long.getLong("bench.warmupEvents", SMOKE ? 2_000 : 200_000);

    private static final Duration TIMEOUT = Duration.ofMinutes(Long.getLong("bench.timeoutMinutes", 30));

    /** The processing group of each measured projection's slot A; slot B's is the same with {@code @b}. */
    private static final Map<String, String> GROUPS =
            Map.of("seat-maps", "query-seat-maps", "payment-history", "query-payment-history");

    private static final Map<String, List<String>> TABLES = Map.of(
            "seat-maps", List.of("seat_map_cell", "seat_map"), "payment-history", List.of("payment_history_entry"));

    private ReplayBenchmark() {}

    record Database(String url, String user, String password) {}

    public static void main(String[] args) throws Exception {
        Database database = database();
        List<String> report = new ArrayList<>();
        Map<String, String> settings = settings(database);
        boolean prepared = false;
        for (String mode : MODES) {
            ConfigurableApplicationContext context = start(database, mode);
            try {
                if (!prepared) {
                    prepare(context, database);
                    prepared = true;
                }
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
                long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
                report.add(String.format("%s (%s)", mode, describe(context)));
                if (READ) {
                    report.add(read(context, head, events, false));
                    report.add(read(context, head, events, true));
                }
                boolean old = mode.equals("old");
                long replayed = REPLAY_EVENTS != null ? REPLAY_EVENTS : old ? BASELINE_EVENTS : events;
                long until = positionOf(jdbc, Math.min(replayed, events));
                for (String projection : PROJECTIONS) {
                    if (WARMUP_EVENTS > 0) {
                        replay(context, projection, old ? "B" : "A", positionOf(jdbc, Math.min(WARMUP_EVENTS, events)));
                    }
                    report.add(replay(context, projection, old ? "B" : "A", until));
                }
                if (!old && API && until == head) {
                    for (String projection : PROJECTIONS) {
                        report.add(rebuildThroughTheApi(context, projection, head));
                    }
                }
                pauseEverything(jdbc);
            } finally {
                context.close();
            }
        }
        System.out.println();
        System.out.printf(
                "Replaying projections: %,d events in the store, %d cores, %s%n",
                EVENTS, Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.println("PostgreSQL " + settings);
        report.forEach(System.out::println);
    }

    // ---------------------------------------------------------------- the database

    private static Database database() {
        String url = System.getProperty("bench.jdbcUrl");
        if (url != null) {
            return new Database(
                    url, System.getProperty("bench.user", "postgres"), System.getProperty("bench.password", ""));
        }
        return new Database(EmbeddedPostgres.newDatabase(), "postgres", "postgres");
    }

    private static Connection connect(Database database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", database.user());
        properties.setProperty("password", database.password());
        // Many rows per INSERT statement on the wire: the writer is not what is measured.
        properties.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(database.url(), properties);
    }

    private static Map<String, String> settings(Database database) throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            for (String name : List.of(
                    "server_version",
                    "fsync",
                    "synchronous_commit",
                    "full_page_writes",
                    "shared_buffers",
                    "work_mem",
                    "max_wal_size")) {
                try (ResultSet row = statement.executeQuery("show " + name)) {
                    row.next();
                    settings.put(name, row.getString(1));
                }
            }
        }
        return settings;
    }

    // ---------------------------------------------------------------- the query side

    private static ConfigurableApplicationContext start(Database database, String mode) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.user());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.jpa.database-platform", "dev.cinema.platform.storage.ByteaPostgreSQLDialect");
        properties.put("cinema.audit.chain.key", TestTokens.AUDIT_CHAIN_KEY);
        properties.putAll(TestTokens.keyProperties());
        properties.put("spring.profiles.active", "postgres");
        properties.put("server.port", "0");
        properties.put("logging.level.root", "WARN");
        switch (mode) {
            case "old" -> {
                properties.put("cinema.projections.batch-size", "100");
                properties.put("cinema.projections.replay-batch-size", "100");
                properties.put("cinema.query.event-fetch-size", "100");
            }
            case "shipped" -> {
                String extra = System.getProperty("bench.extra", "");
                for (String setting : extra.split(",")) {
                    if (!setting.isBlank()) {
                        String[] pair = setting.split("=", 2);
                        properties.put(pair[0].trim(), pair[1].trim());
                    }
                }
            }
            default -> throw new IllegalArgumentException("Unknown mode " + mode + " (old, shipped)");
        }
        List<String> arguments = new ArrayList<>();
        properties.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return QuerySideApplication.builder().run(arguments.toArray(String[]::new));
    }

    private static String describe(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        return "processor batch " + environment.getProperty("cinema.projections.replay-batch-size", "default")
                + ", event store page " + environment.getProperty("cinema.query.event-fetch-size", "default");
    }

    /**
     * Stops every projection's processors on both slots (through the slot table every node
     * follows), writes the events unless the database has them, and parks every processor's token
     * at the last event, so that a processor started with the application finds nothing to do.
     */
    private static void prepare(ConfigurableApplicationContext context, Database database) throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        await("the slot table", () -> jdbc.queryForObject("select count(*) from projection_slot", Long.class) > 0);
        pauseEverything(jdbc);
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        await(
                "every processor to stop",
                () -> processing.eventProcessors().values().stream().noneMatch(processor -> processor.isRunning()));
        long stored = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        if (stored >= EVENTS) {
            System.out.printf("Reusing the %,d events in the database%n", stored);
        } else if (stored > 0) {
            throw new IllegalStateException(
                    "The database holds " + stored + " events, fewer than " + EVENTS + ": use an empty one");
        } else {
            Serializer events = context.getBean("eventSerializer", Serializer.class);
            long started = System.nanoTime();
            long written;
            try (Connection connection = connect(database)) {
                ReplayEvents history = new ReplayEvents(events, EVENTS);
                written = history.writeTo(connection);
                System.out.printf(
                        "Wrote %,d events in %.1f s: %s%n",
                        written, (System.nanoTime() - started) / 1e9, history.mix());
            }
            jdbc.execute("analyze");
        }
        long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        Serializer general = context.getBean("serializer", Serializer.class);
        for (String group : processing.eventProcessors().keySet()) {
            park(jdbc, general, group, head);
        }
    }

    private static void pauseEverything(JdbcTemplate jdbc) {
        jdbc.update("update projection_slot set slot_a_state = 'PAUSED', slot_b_state = 'PAUSED'");
    }

    /** Sets the processor's token to {@code position} (its processor must be stopped). */
    private static void park(JdbcTemplate jdbc, Serializer serializer, String group, long position) {
        SerializedObject<byte[]> token = serializer.serialize(
                GapAwareTrackingToken.newInstance(position, Collections.emptySortedSet()), byte[].class);
        jdbc.update("delete from token_entry where processor_name = ?", group);
        jdbc.update(
                "insert into token_entry (processor_name, segment, token, token_type, timestamp, owner)"
                        + " values (?, 0, ?, ?, ?, null)",
                group,
                token.getData(),
                token.getType().getName(),
                Instant.now().toString());
    }

    private static long positionOf(JdbcTemplate jdbc, long events) {
        return jdbc.queryForObject(
                "select global_index from domain_event_entry order by global_index offset ? limit 1",
                Long.class,
                events - 1);
    }

    // ---------------------------------------------------------------- what is measured

    /** Every event read once through the event store, as a processor's stream reads them; nothing handled. */
    private static String read(ConfigurableApplicationContext context, long head, long events, boolean payloads) {
        EventStore store = context.getBean(EventStore.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Cpu cpu = Cpu.now(jdbc);
        long started = System.nanoTime();
        long read = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            long position = 0;
            while (position < head && stream.hasNextAvailable(10, TimeUnit.SECONDS)) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                if (payloads) {
                    message.getPayload();
                }
                position = message.trackingToken().position().orElse(position);
                read++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return String.format(
                "  read %-28s %,9d events in %6.1f s = %,8.0f events/s   %s",
                payloads ? "(payloads deserialized)" : "(payloads left serialized)",
                read,
                seconds,
                read / seconds,
                Cpu.now(jdbc).since(cpu, read));
    }

    /**
     * A rebuild's replay step, done by hand on one slot: the slot's processor stopped (on every
     * node, through the slot table), its token forgotten and its tables emptied, then started
     * again; timed until its token reaches {@code until}.
     */
    private static String replay(ConfigurableApplicationContext context, String projection, String slot, long until)
            throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
        String group = GROUPS.get(projection) + (slot.equals("A") ? "" : "@b");
        String state = slot.equals("A") ? "slot_a_state" : "slot_b_state";
        TrackingEventProcessor processor =
                processing.eventProcessor(group, TrackingEventProcessor.class).orElseThrow();
        jdbc.update("update projection_slot set " + state + " = 'RESETTING' where projection = ?", projection);
        awaitStopped(jdbc, processor, group);
        jdbc.update("delete from token_entry where processor_name = ?", group);
        for (String table : TABLES.get(projection)) {
            jdbc.update("truncate table " + (slot.equals("A") ? "read_model." : "read_model_b.") + table);
        }
        long events = jdbc.queryForObject(
                "select count(*) from domain_event_entry where global_index <= ?", Long.class, until);
        Cpu cpu = Cpu.now(jdbc);
        long started = System.nanoTime();
        jdbc.update("update projection_slot set " + state + " = 'LIVE' where projection = ?", projection);
        Serializer serializer = context.getBean("serializer", Serializer.class);
        await(group + " to start", () -> position(jdbc, serializer, group) > 0);
        double startup = (System.nanoTime() - started) / 1e9;
        // Polled every 100 ms: each look costs this JVM and the server a little, which the replay would pay.
        await(group + " to reach " + until, 100, () -> position(jdbc, serializer, group) >= until);
        double seconds = (System.nanoTime() - started) / 1e9;
        if (Boolean.getBoolean("bench.verbose")) {
            System.out.printf(
                    "%s: first token after %.2f s, %d events after %.2f s%n", group, startup, events, seconds);
        }
        String used = Cpu.now(jdbc).since(cpu, events) + String.format(" (processor thread %.1f s)", threadCpu(group));
        jdbc.update("update projection_slot set " + state + " = 'PAUSED' where projection = ?", projection);
        awaitStopped(jdbc, processor, group);
        long rows = 0;
        for (String table : TABLES.get(projection)) {
            rows += jdbc.queryForObject(
                    "select count(*) from " + (slot.equals("A") ? "read_model." : "read_model_b.") + table, Long.class);
        }
        return String.format(
                "  replay %-26s %,9d events in %6.1f s = %,8.0f events/s   %s   (%,d rows)",
                projection + " (slot " + slot + ")", events, seconds, events / seconds, used, rows);
    }

    /**
     * Until the processor has stopped and its worker has released its claim (a worker still
     * finishing its last batch would otherwise write the token this benchmark is about to forget).
     */
    private static void awaitStopped(JdbcTemplate jdbc, TrackingEventProcessor processor, String group)
            throws InterruptedException {
        await(group + " to stop", () -> !processor.isRunning());
        await(
                group + " to release its claim",
                () -> jdbc.queryForObject(
                                "select count(*) from token_entry where processor_name = ? and owner is not null",
                                Long.class,
                                group)
                        == 0);
    }

    /** A rebuild through the operations API: replay of the other slot, checksums of both, switch. */
    private static String rebuildThroughTheApi(ConfigurableApplicationContext context, String projection, long head)
            throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        String active = jdbc.queryForObject(
                "select active_slot from projection_slot where projection = ?", String.class, projection);
        jdbc.update(
                "update projection_slot set " + (active.equals("A") ? "slot_a_state" : "slot_b_state")
                        + " = 'LIVE' where projection = ?",
                projection);
        JsonHttp http =
                JsonHttp.localhost(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
        String analyst = TestTokens.valid(UUID.randomUUID().toString(), "ANALYST");
        long started = System.nanoTime();
        Response accepted = http.post("/api/ops/projections/" + projection + "/rebuilds", null, analyst);
        if (accepted.status() != 202) {
            throw new IllegalStateException("Rebuild of " + projection + " refused: " + accepted.raw());
        }
        String location = "/api/ops/projections/" + projection + "/rebuilds/" + accepted.text("id");
        double replayed = Double.NaN;
        double fastest = 0;
        Response rebuild;
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (true) {
            rebuild = http.get(location, analyst);
            String phase = rebuild.text("phase");
            fastest = Math.max(fastest, rebuild.body().path("eventsPerSecond").asDouble());
            if (Double.isNaN(replayed) && !"REPLAYING".equals(phase)) {
                replayed = (System.nanoTime() - started) / 1e9;
            }
            if (List.of("READY", "SWITCHED", "FAILED").contains(phase)
                    || Instant.now().isAfter(deadline)) {
                break;
            }
            Thread.sleep(250);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long events = jdbc.queryForObject(
                "select count(*) from domain_event_entry where global_index <= ?", Long.class, head);
        return String.format(
                "  rebuild through the API %-11s %,9d events: replayed in %6.1f s = %,8.0f events/s (API's peak"
                        + " %,.0f/s); %s after %.1f s, checksums %s",
                projection,
                events,
                replayed,
                events / replayed,
                fastest,
                rebuild.text("phase"),
                seconds,
                rebuild.text("checksums/active") != null
                                && rebuild.text("checksums/active").equals(rebuild.text("checksums/rebuilt"))
                        ? "equal"
                        : "differ: " + rebuild.raw());
    }

    /** CPU seconds used so far by this JVM and by the PostgreSQL server (when it runs on this machine). */
    record Cpu(double jvm, double server) {

        static Cpu now(JdbcTemplate jdbc) {
            double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                            .getProcessCpuTime()
                    / 1e9;
            return new Cpu(jvm, serverCpu(jdbc));
        }

        String since(Cpu before, long events) {
            double jvmSeconds = jvm - before.jvm;
            double serverSeconds = server - before.server;
            return Double.isNaN(serverSeconds)
                    ? String.format("cpu: jvm %.1f s", jvmSeconds)
                    : String.format(
                            "cpu: jvm %.1f s + server %.1f s = %.0f us/event",
                            jvmSeconds, serverSeconds, (jvmSeconds + serverSeconds) * 1e6 / events);
        }

        /** The server's processes' CPU time, from /proc: the postmaster (with its ended children) and its live children. */
        private static double serverCpu(JdbcTemplate jdbc) {
            try {
                long backend = jdbc.queryForObject("select pg_backend_pid()", Long.class);
                long postmaster = Long.parseLong(stat(backend)[PPID]);
                double ticks = 100; // USER_HZ
                String[] main = stat(postmaster);
                long total = Long.parseLong(main[UTIME])
                        + Long.parseLong(main[UTIME + 1])
                        + Long.parseLong(main[UTIME + 2])
                        + Long.parseLong(main[UTIME + 3]);
                try (var processes = Files.list(Path.of("/proc"))) {
                    for (Path process : processes.toList()) {
                        String name = process.getFileName().toString();
                        if (!name.chars().allMatch(Character::isDigit)) {
                            continue;
                        }
                        try {
                            String[] fields = stat(Long.parseLong(name));
                            if (Long.parseLong(fields[PPID]) == postmaster) {
                                total += Long.parseLong(fields[UTIME]) + Long.parseLong(fields[UTIME + 1]);
                            }
                        } catch (IOException | RuntimeException gone) {
                            // ended meanwhile
                        }
                    }
                }
                return total / ticks;
            } catch (IOException | RuntimeException notLocal) {
                return Double.NaN;
            }
        }

        /** In /proc/pid/stat after the command name, field N of proc(5) is at index N - 3. */
        private static final int PPID = 4 - 3;

        /** utime, then stime, cutime (ended children, waited for), cstime. */
        private static final int UTIME = 14 - 3;

        private static String[] stat(long pid) throws IOException {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        }
    }

    /** CPU seconds of the processor's live threads (named after it, see SlotRouting's thread factory). */
    private static double threadCpu(String group) {
        var threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream()
                        .filter(thread -> thread.getName().startsWith(group + "-"))
                        .mapToLong(thread -> threads.getThreadCpuTime(thread.getId()))
                        .filter(nanos -> nanos > 0)
                        .sum()
                / 1e9;
    }

    /**
     * The position of the processor's token as committed (the processor's own status may still
     * show its previous run for a moment after a restart); 0 before it has stored one.
     */
    private static long position(JdbcTemplate jdbc, Serializer serializer, String group) {
        return jdbc
                .query(
                        "select token, token_type from token_entry where processor_name = ?",
                        (row, i) -> {
                            byte[] token = row.getBytes("token");
                            String type = row.getString("token_type");
                            if (token == null || type == null) {
                                return 0L;
                            }
                            TrackingToken tracking = serializer.deserialize(
                                    new SimpleSerializedObject<>(token, byte[].class, type, null));
                            return tracking == null ? 0L : tracking.position().orElse(0L);
                        },
                        group)
                .stream()
                .mapToLong(Long::longValue)
                .min()
                .orElse(0L);
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        await(what, 20, condition);
    }

    private static void await(String what, long pollMillis, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Gave up waiting for " + what);
            }
            Thread.sleep(pollMillis);
        }
    }
}
