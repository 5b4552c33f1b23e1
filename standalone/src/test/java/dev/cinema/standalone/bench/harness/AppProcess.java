package dev.cinema.standalone.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One app (command or query side) started from its exec jar as its own JVM, the way it runs in
 * production: the postgres profile, {@code -Xmx512m}, the test key pair and audit key in the
 * environment variables the README documents, metrics exposed so that the harness can read its
 * heap. Every process started is stopped by {@link #close()}, and by a shutdown hook if the
 * harness itself is interrupted.
 */
final class AppProcess implements AutoCloseable {

    static final String HEAP_LIMIT = "-Xmx512m";

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

    private AppProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code jar} against {@code database} on a free port and waits until it answers its
     * health check. {@code settings} are passed as {@code --name=value} arguments.
     */
    static AppProcess start(String name, Path jar, Databases.Jdbc database, Path logDirectory, List<String> settings)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with mvn -B -ntp -DskipTests package");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP_LIMIT,
                "-jar",
                jar.toString(),
                "--spring.profiles.active=postgres",
                "--server.port=" + port,
                "--management.endpoints.web.exposure.include=health,info,metrics",
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

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    JsonHttp json() {
        return JsonHttp.localhost(port);
    }

    URI uri(String path) {
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

    /** Heap used now, in bytes, from the app's own metrics; -1 if it does not answer. */
    long heapUsed() {
        try {
            HttpResponse<String> answer = client.send(
                    HttpRequest.newBuilder(uri("/actuator/metrics/jvm.memory.used?tag=area:heap"))
                            .header(
                                    "Authorization",
                                    "Bearer "
                                            + TestTokens.valid(UUID.randomUUID().toString(), "ADMIN"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return -1;
            }
            JsonNode body = JsonHttp.MAPPER.readTree(answer.body());
            return body.path("measurements").path(0).path("value").asLong(-1);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Whether the app ran out of heap at any point (its log says so). */
    boolean ranOutOfMemory() {
        try {
            return Files.readString(log).contains("OutOfMemoryError");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Stops the app as an operator would (SIGTERM, a graceful shutdown), forcibly after 30 s. */
    @Override
    public void close() {
        RUNNING.remove(this);
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
