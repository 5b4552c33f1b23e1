package dev.cinema.platform.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON client for tests that talk to the apps over real HTTP, as users do. */
public final class JsonHttp {

    public static final ObjectMapper MAPPER =
            JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public JsonHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static JsonHttp localhost(int port) {
        return new JsonHttp("http://localhost:" + port);
    }

    /** A response: status, content type, parsed body (null when empty or not JSON) and headers. */
    public record Response(int status, String contentType, JsonNode body, String raw, HttpHeaders headers) {

        /** The first value of a header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String text(String field) {
            JsonNode node = body == null ? null : body.at(field.startsWith("/") ? field : "/" + field);
            return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        /** The field names in a problem's {@code errors} list. */
        public java.util.List<String> errorFields() {
            java.util.List<String> fields = new java.util.ArrayList<>();
            if (body != null && body.has("errors")) {
                body.get("errors")
                        .forEach(error -> fields.add(error.path("field").asText()));
            }
            return fields;
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, null, token);
    }

    public Response post(String path, Object body, String token) {
        return send("POST", path, body, token);
    }

    public Response postWithHeaders(String path, Object body, String token, java.util.Map<String, String> headers) {
        return send("POST", path, body, token, headers);
    }

    public Response put(String path, Object body, String token) {
        return send("PUT", path, body, token);
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, null, token);
    }

    /** Any method, no body, with the given headers: for CORS preflights ({@code OPTIONS}) and the like. */
    public Response request(String method, String path, java.util.Map<String, String> headers) {
        return send(method, path, null, null, headers);
    }

    /** Sends a body without declaring its length (chunked transfer encoding). */
    public Response postChunked(String path, String rawBody, String token) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                            rawBody.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            JsonNode json = contentType != null
                            && contentType.contains("json")
                            && !response.body().isBlank()
                    ? MAPPER.readTree(response.body())
                    : null;
            return new Response(response.statusCode(), contentType, json, response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a raw body as is: for malformed JSON. */
    public Response postRaw(String path, String rawBody, String token) {
        return send("POST", path, new Raw(rawBody), token);
    }

    private record Raw(String text) {}

    private Response send(String method, String path, Object body, String token) {
        return send(method, path, body, token, java.util.Map.of());
    }

    private Response send(
            String method, String path, Object body, String token, java.util.Map<String, String> headers) {
        try {
            HttpRequest.BodyPublisher publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(
                            body instanceof Raw raw ? raw.text() : MAPPER.writeValueAsString(body));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json, application/problem+json")
                    .method(method, publisher);
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            JsonNode json = null;
            if (!response.body().isBlank() && contentType != null && contentType.contains("json")) {
                json = MAPPER.readTree(response.body());
            }
            return new Response(response.statusCode(), contentType, json, response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
