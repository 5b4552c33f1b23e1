package dev.cinema.standalone.bench.harness;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cinema.platform.testsupport.JsonHttp;
import dev.cinema.platform.testsupport.process.AppProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BiConsumer;

/** The query side's public seat map of a screening, {@code GET /api/screenings/{id}/seat-map}. */
final class SeatMaps {

    private SeatMaps() {}

    static URI uri(AppProcess query, String screening) {
        return query.uri("/api/screenings/" + screening + "/seat-map");
    }

    /** Waits until the query side has projected the screening's seat map (404 until then). */
    static void await(HttpClient client, AppProcess query, String screening, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<Void> answer =
                    client.send(Http.get(uri(query, screening)), HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(
                "The query side did not show the seat map of " + screening + " within " + timeout);
    }

    /**
     * Calls {@code seat} with each seat's label and state (FREE, HELD, SOLD) of a seat map's JSON.
     * Read as a token stream, not a tree: a 1,500-seat map is about 160 KB, and the visibility
     * scenario reads one after every change without falling behind the stream it measures.
     */
    static void forEachSeat(String json, BiConsumer<String, String> seat) throws IOException {
        try (JsonParser parser = JsonHttp.MAPPER.getFactory().createParser(json)) {
            // A cell's label comes before its state; a row's label is overwritten by its first cell's.
            String label = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    if (field.equals("label")) {
                        label = parser.nextTextValue();
                    } else if (field.equals("state")) {
                        String state = parser.nextTextValue();
                        if (label != null && state != null) {
                            seat.accept(label, state);
                        }
                    }
                }
            }
        }
    }
}
