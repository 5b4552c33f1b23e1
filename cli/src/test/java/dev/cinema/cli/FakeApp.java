package dev.cinema.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One of the apps as the client meets it: a real HTTP server on a random loopback port that answers
 * what the contract says and records every request exactly as it arrived.
 */
final class FakeApp implements AutoCloseable {

    /** A request as received. {@code query} is the raw query string, null when there is none. */
    record Request(String method, String path, String query, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** An answer: status, content type (null for none), body and extra headers. */
    record Answer(int status, String contentType, String body, Map<String, String> headers) {

        static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, Map.of());
        }

        static Answer problem(int status, String body) {
            return new Answer(status, "application/problem+json", body, Map.of());
        }

        static Answer empty(int status) {
            return new Answer(status, null, "", Map.of());
        }

        Answer withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Answer(status, contentType, body, more);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Answers per "METHOD path"; each request takes the next, the last one repeats. */
    private final Map<String, Deque<Answer>> answers = new HashMap<>();

    FakeApp() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} (path without the query) with these, in turn; the last repeats. */
    synchronized FakeApp on(String method, String path, Answer... inTurn) {
        answers.put(method + " " + path, new ConcurrentLinkedDeque<>(List.of(inTurn)));
        return this;
    }

    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    Request onlyRequest() {
        if (requests.size() != 1) {
            throw new AssertionError("expected exactly one request, got " + requests);
        }
        return requests.get(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) ->
                            headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            requests.add(new Request(method, path, exchange.getRequestURI().getRawQuery(), headers, body));
            Answer answer = next(method + " " + path);
            if (answer == null) {
                answer = Answer.problem(
                        404,
                        "{\"title\":\"Not Found\",\"status\":404,\"code\":\"no-route\",\"detail\":\"fake app: no answer for "
                                + method + " " + path + "\"}");
            }
            answer.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            if (answer.contentType() != null) {
                exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private synchronized Answer next(String key) {
        Deque<Answer> inTurn = answers.get(key);
        if (inTurn == null || inTurn.isEmpty()) {
            return null;
        }
        return inTurn.size() > 1 ? inTurn.poll() : inTurn.peek();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
