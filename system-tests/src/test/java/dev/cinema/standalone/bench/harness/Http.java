package dev.cinema.standalone.bench.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.platform.testsupport.JsonHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * The load generator's HTTP side: Java's {@link HttpClient} on HTTP/1.1 (a caller keeps its
 * connection, as {@code wrk}'s connections do), and every answer sorted into the kinds the results
 * count: a 409 that names the seats it refuses is a fair answer to a race for seats, a 409 that
 * names none is a fault of the system (issue 11: there must be none).
 */
final class Http {

    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String TIMED_OUT = "timeout (" + TIMEOUT.toSeconds() + " s)";

    private Http() {}

    static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static HttpRequest postJson(URI uri, String token, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(JsonHttp.MAPPER.writeValueAsString(body)));
            headers.forEach(request::header);
            return request.build();
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    }

    /** A sent request's outcome: its answer, or the kind of failure that kept it from one. */
    record Exchange(HttpResponse<String> response, String failure, long nanos) {

        int status() {
            return response == null ? -1 : response.statusCode();
        }

        JsonNode body() {
            try {
                return JsonHttp.MAPPER.readTree(response.body());
            } catch (IOException e) {
                return JsonHttp.MAPPER.missingNode();
            }
        }
    }

    /** Sends and waits; never throws for a failed exchange, it is counted instead. */
    static Exchange send(HttpClient client, HttpRequest request) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Exchange(response, null, System.nanoTime() - t0);
        } catch (HttpTimeoutException e) {
            return new Exchange(null, TIMED_OUT, System.nanoTime() - t0);
        } catch (IOException e) {
            return new Exchange(null, "I/O error: " + e.getClass().getSimpleName(), System.nanoTime() - t0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange(null, "interrupted", System.nanoTime() - t0);
        }
    }

    /** The kind of an asynchronous send's failure, e.g. {@code timeout (10 s)}. */
    static String failureKind(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof HttpTimeoutException
                ? TIMED_OUT
                : "I/O error: " + cause.getClass().getSimpleName();
    }

    /**
     * Counts an exchange: an answer with its latency under {@code prefix} and its kind, a failure
     * without one. Answers {@code true} for {@code expected}.
     */
    static boolean tally(Tally tally, String prefix, Exchange exchange, int expected) {
        if (exchange.response() == null) {
            tally.count(prefix + exchange.failure());
            return false;
        }
        int status = exchange.status();
        tally.answer(status == expected ? Tally.OK : prefix + kind(exchange), exchange.nanos());
        return status == expected;
    }

    /** What a refusal was: by status, a 409 by whether it names seats, with the problem's code. */
    static String kind(Exchange exchange) {
        int status = exchange.status();
        JsonNode problem = exchange.body();
        String code = problem.path("code").asText("");
        if (status == 409) {
            if (!seats(problem, "unavailableSeats").isEmpty()) {
                return "409 seat taken";
            }
            if (!seats(problem, "strandedSeats").isEmpty()) {
                return "409 stranded seat";
            }
            return "409 naming no seat (" + code + ")";
        }
        if (status >= 500) {
            return "5xx " + status + (code.isEmpty() ? "" : " (" + code + ")");
        }
        return status + (code.isEmpty() ? "" : " (" + code + ")");
    }

    /** The seats a problem names in {@code field} (e.g. {@code unavailableSeats}). */
    static List<String> seats(JsonNode problem, String field) {
        List<String> seats = new ArrayList<>();
        problem.path(field).forEach(seat -> seats.add(seat.asText()));
        return seats;
    }
}
