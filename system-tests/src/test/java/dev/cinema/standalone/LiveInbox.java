package dev.cinema.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.platform.testsupport.JsonHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A client of a customer's live inbox ({@code GET /api/me/alerts/stream}): it keeps every event it
 * hears (comments, the keep-alives, are not events) with the moment it heard it. Opened once the
 * first event (the unread count) has arrived, so the subscription is in place.
 */
final class LiveInbox implements AutoCloseable {

    /** One Server-Sent Event: its name, its data as JSON, and when it was heard ({@link System#nanoTime()}). */
    record Heard(String name, JsonNode data, long at) {}

    private final HttpResponse<Stream<String>> response;
    private final List<Heard> heard = new CopyOnWriteArrayList<>();

    private LiveInbox(HttpResponse<Stream<String>> response) {
        this.response = response;
    }

    static LiveInbox open(int queryPort, String token) {
        try {
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + queryPort + "/api/me/alerts/stream"))
                                    .header("Accept", "text/event-stream")
                                    .header("Authorization", "Bearer " + token)
                                    .build(),
                            HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            LiveInbox inbox = new LiveInbox(response);
            Thread reader = new Thread(inbox::read, "live-inbox-reader");
            reader.setDaemon(true);
            reader.start();
            await().atMost(Duration.ofSeconds(15)).until(() -> !inbox.heard.isEmpty());
            return inbox;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        String[] name = {null};
        try {
            response.body().forEach(line -> {
                if (line.startsWith("event:")) {
                    name[0] = line.substring("event:".length());
                } else if (line.startsWith("data:")) {
                    try {
                        heard.add(new Heard(
                                name[0],
                                JsonHttp.MAPPER.readTree(line.substring("data:".length())),
                                System.nanoTime()));
                    } catch (IOException e) {
                        throw new IllegalStateException("Not JSON: " + line, e);
                    }
                    name[0] = null;
                }
            });
        } catch (RuntimeException closed) {
            // closed by the test, or the server ended the stream
        }
    }

    List<Heard> heard() {
        return List.copyOf(heard);
    }

    List<String> names() {
        return heard.stream().map(Heard::name).toList();
    }

    @Override
    public void close() {
        response.body().close();
    }
}
