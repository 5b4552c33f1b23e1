package dev.cinema.scaleout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.process.AppProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A live client of one query process's seat map stream (Server-Sent Events), as a browser would
 * be: it keeps the latest map received and counts them.
 */
final class SeatMapStream implements AutoCloseable {

    private final String name;
    private final ExecutorService reader = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "seat-map-stream");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger received = new AtomicInteger();
    private volatile JsonNode latest;
    private volatile java.util.stream.Stream<String> lines;

    private SeatMapStream(String name) {
        this.name = name;
    }

    static SeatMapStream open(AppProcess query, String screening) throws IOException, InterruptedException {
        SeatMapStream stream = new SeatMapStream(query.name());
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<java.util.stream.Stream<String>> response = client.send(
                HttpRequest.newBuilder(query.uri("/api/screenings/" + screening + "/seat-map/stream"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("seat map stream of " + query.name() + ": " + response.statusCode());
        }
        stream.lines = response.body();
        stream.reader.execute(() -> stream.lines.forEach(line -> {
            if (line.startsWith("data:")) {
                try {
                    stream.latest = JsonHttp.MAPPER.readTree(line.substring("data:".length()));
                    stream.received.incrementAndGet();
                } catch (IOException e) {
                    throw new IllegalStateException("not a seat map: " + line, e);
                }
            }
        }));
        return stream;
    }

    String name() {
        return name;
    }

    JsonNode latest() {
        return latest;
    }

    int received() {
        return received.get();
    }

    /** The labels of the seats a map shows held or sold. */
    static Set<String> taken(JsonNode map) {
        Set<String> taken = new TreeSet<>();
        map.path("rows")
                .forEach(row -> row.path("cells").forEach(cell -> {
                    String state = cell.path("state").asText();
                    if (state.equals("HELD") || state.equals("SOLD")) {
                        taken.add(cell.path("label").asText());
                    }
                }));
        return taken;
    }

    @Override
    public void close() {
        lines.close();
        reader.shutdownNow();
    }
}
