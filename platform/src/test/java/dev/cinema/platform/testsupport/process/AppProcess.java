package dev.cinema.platform.testsupport.process;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * One app (command or query side) started from its exec jar as its own JVM, the way it runs in
 * production: the postgres profile, {@code -Xmx512m}, the test key pair and audit key in the
 * environment variables the README documents. Every process started is stopped by {@link #close()}, and by a shutdown hook if the
 * harness itself is interrupted.
 */
public final class AppProcess implements AutoCloseable {

    public static final String HEAP_LIMIT = "-Xmx512m";

    private static final Set<AppProcess> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(AppProcess::close)));
    }

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private JMXConnector jmx;
    private MemoryMXBean memory;

    private AppProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code jar} against {@code database} on a free port and waits until it answers its
     * health check. {@code jvmOptions} go to the JVM (a flight recording when profiling), {@code
     * settings} are passed as {@code --name=value} arguments.
     */
    public static AppProcess start(
            String name,
            Path jar,
            JdbcDatabase database,
            Path logDirectory,
            List<String> jvmOptions,
            List<String> settings)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with mvn -B -ntp -DskipTests package");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP_LIMIT));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar",
                jar.toString(),
                "--spring.profiles.active=postgres",
                "--server.port=" + port,
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"));
        settings.forEach(setting -> command.add("--" + setting));
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(name + ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("CINEMA_DB_URL", database.url());
        environment.put("CINEMA_DB_USER", database.user());
        environment.put("CINEMA_DB_PASSWORD", database.password());
        environment.put("CINEMA_JWT_PRIVATE_KEY", TestTokens.privateKeyPem());
        environment.put("CINEMA_JWT_PUBLIC_KEY", TestTokens.publicKeyPem());
        environment.put("CINEMA_AUDIT_CHAIN_KEY", TestTokens.AUDIT_CHAIN_KEY);
        AppProcess app = new AppProcess(name, builder.start(), port, log);
        RUNNING.add(app);
        try {
            app.awaitHealthy(Duration.ofMinutes(3));
        } catch (RuntimeException | InterruptedException e) {
            app.close();
            throw e;
        }
        return app;
    }

    public String name() {
        return name;
    }

    /** The process id; Axon names a node that owns a token {@code pid@host}. */
    public long pid() {
        return process.pid();
    }

    public JsonHttp json() {
        return JsonHttp.localhost(port);
    }

    public Path log() {
        return log;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " ended with " + process.exitValue() + " while starting; see " + log);
            }
            try {
                HttpResponse<Void> health = client.send(
                        HttpRequest.newBuilder(uri("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not become healthy within " + timeout + "; see " + log);
    }

    /**
     * Heap used now, in bytes; -1 if it cannot be read. Read over JMX (the attach API starts the
     * app's local management agent), not over HTTP: an app saturated with requests answers its
     * metrics endpoint late or never, and that is exactly when its heap matters.
     */
    public synchronized long heapUsed() {
        try {
            if (memory == null) {
                VirtualMachine vm = VirtualMachine.attach(String.valueOf(process.pid()));
                String address;
                try {
                    address = vm.startLocalManagementAgent();
                } finally {
                    vm.detach();
                }
                jmx = JMXConnectorFactory.connect(new JMXServiceURL(address));
                memory = ManagementFactory.newPlatformMXBeanProxy(
                        jmx.getMBeanServerConnection(), ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
            }
            return memory.getHeapMemoryUsage().getUsed();
        } catch (IOException | AttachNotSupportedException | RuntimeException e) {
            return -1;
        }
    }

    /** Whether the app ran out of heap at any point (its log says so). */
    public boolean ranOutOfMemory() {
        try {
            return Files.readString(log).contains("OutOfMemoryError");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Ends the app as a crash would: SIGKILL, no shutdown hook, no graceful anything. */
    public void kill() throws InterruptedException {
        RUNNING.remove(this);
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not end within 10 s of SIGKILL");
        }
    }

    /** Stops the app as an operator would (SIGTERM, a graceful shutdown), forcibly after 30 s. */
    @Override
    public void close() {
        RUNNING.remove(this);
        synchronized (this) {
            if (jmx != null) {
                try {
                    jmx.close();
                } catch (IOException ignored) {
                    // The app is being stopped anyway.
                }
            }
        }
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The heap limit, and whether any of the apps ran out of it (or ended by itself). */
    public static String heapNote(AppProcess... apps) {
        List<String> failed = new ArrayList<>();
        for (AppProcess app : apps) {
            if (app.ranOutOfMemory() || !app.alive()) {
                failed.add(app.name());
            }
        }
        return HEAP_LIMIT + " each, "
                + (failed.isEmpty() ? "no OutOfMemoryError" : "OutOfMemoryError or an exit: " + failed);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
