package dev.cinema.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cinema.platform.testsupport.JsonHttp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One app's API as a generated client sees it: its OpenAPI document, fetched from the running app,
 * and every exchange checked against that document by a real OpenAPI validator (Atlassian's
 * swagger-request-validator): the status must be documented for the operation, and the body must
 * validate against the schema documented for its media type. Deliberately wrong requests have only
 * their response checked; valid ones are checked whole, request included.
 */
final class ValidatedApi {

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    final String name;
    final JsonNode document;
    private final String baseUrl;
    private final OpenApiInteractionValidator validator;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Statuses each operation ("POST /api/bookings") answered during the run. */
    private final Map<String, Set<Integer>> answered = new ConcurrentSkipListMap<>();
    /** Answers that the document does not describe, with the validator's reasons. */
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());

    private ValidatedApi(String name, String baseUrl, JsonNode document, String json) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.document = document;
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(json)
                .build();
    }

    static ValidatedApi load(String name, int port) {
        String baseUrl = "http://localhost:" + port;
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET /v3/api-docs of " + name).isEqualTo(200);
            return new ValidatedApi(name, baseUrl, JsonHttp.MAPPER.readTree(response.body()), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every documented operation, as "METHOD /path/{template}". */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                    if (METHODS.contains(method)) {
                        operations.add(method.toUpperCase() + " " + path.getKey());
                    }
                }));
        return operations;
    }

    JsonNode operation(String operation) {
        String[] parts = operation.split(" ", 2);
        return document.path("paths").path(parts[1]).path(parts[0].toLowerCase());
    }

    /** Operations that answered at least one success. */
    Set<String> succeeded() {
        return answered.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(status -> status >= 200 && status < 300))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    Map<String, Set<Integer>> answered() {
        return answered;
    }

    Call call(String method, String template, Object... pathValues) {
        return new Call(method, template, pathValues);
    }

    /** The messages of a validation of an example request body against the operation's schema. */
    List<String> validateExample(String operation, JsonNode example) {
        String[] parts = operation.split(" ", 2);
        String path = PATH_VARIABLE.matcher(parts[1]).replaceAll("example");
        SimpleRequest request = new SimpleRequest.Builder(parts[0], path)
                .withContentType("application/json")
                .withBody(example.toString())
                .build();
        return validator.validateRequest(request).getMessages().stream()
                .filter(message -> message.getKey().startsWith("validation.request.body"))
                .map(message -> message.getKey() + ": " + message.getMessage())
                .toList();
    }

    /** One HTTP exchange with an operation; {@link #expect} sends it and checks the answer. */
    final class Call {

        private final String method;
        private final String template;
        private final String path;
        private final Map<String, List<String>> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;
        private String contentType;
        private String accept = "application/json, application/problem+json";
        private boolean wellFormed = true;

        private Call(String method, String template, Object... pathValues) {
            this.method = method;
            this.template = template;
            Matcher variables = PATH_VARIABLE.matcher(template);
            StringBuilder resolved = new StringBuilder();
            int index = 0;
            while (variables.find()) {
                if (index >= pathValues.length) {
                    throw new IllegalArgumentException("No value for " + variables.group() + " of " + template);
                }
                variables.appendReplacement(
                        resolved,
                        Matcher.quoteReplacement(
                                URLEncoder.encode(String.valueOf(pathValues[index++]), StandardCharsets.UTF_8)
                                        .replace("+", "%20")));
            }
            variables.appendTail(resolved);
            this.path = resolved.toString();
        }

        Call token(String token) {
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
            return this;
        }

        Call query(String name, Object value) {
            query.computeIfAbsent(name, key -> new ArrayList<>()).add(String.valueOf(value));
            return this;
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Call accept(String accept) {
            this.accept = accept;
            return this;
        }

        Call json(Object body) {
            try {
                return raw(body instanceof JsonNode node ? node.toString() : JsonHttp.MAPPER.writeValueAsString(body));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }

        Call raw(String body) {
            return raw(body, "application/json");
        }

        Call raw(String body, String contentType) {
            this.body = body;
            this.contentType = contentType;
            return this;
        }

        /** A deliberately wrong request: only the answer is held against the document. */
        Call wrong() {
            this.wellFormed = false;
            return this;
        }

        /** Sends the request, checks the answer against the document, and that its status is one of these. */
        Answer expect(int... statuses) {
            Answer answer = send();
            validate(answer);
            assertThat(Arrays.stream(statuses).boxed().toList())
                    .as("%s %s answered %d: %s", method, pathAndQuery(), answer.status(), answer.raw())
                    .contains(answer.status());
            return answer;
        }

        /** Opens a Server-Sent Events stream, reads its first event and closes it. */
        Answer firstEvent() {
            accept = "text/event-stream";
            HttpRequest request = request().build();
            try {
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                StringBuilder event = new StringBuilder();
                try (BufferedReader lines =
                        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    boolean data = false;
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        if (line.isEmpty() && data) {
                            break;
                        }
                        data |= line.startsWith("data:");
                        event.append(line).append('\n');
                    }
                }
                Answer answer =
                        new Answer(response.statusCode(), response.headers().map(), event.toString());
                validate(answer);
                return answer;
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private Answer send() {
            try {
                HttpResponse<String> response = http.send(request().build(), HttpResponse.BodyHandlers.ofString());
                return new Answer(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + pathAndQuery() + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private HttpRequest.Builder request() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery()))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", accept)
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            headers.forEach(request::header);
            return request;
        }

        private String pathAndQuery() {
            if (query.isEmpty()) {
                return path;
            }
            return path + "?"
                    + query.entrySet().stream()
                            .flatMap(entry -> entry.getValue().stream()
                                    .map(value ->
                                            entry.getKey() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)))
                            .collect(Collectors.joining("&"));
        }

        private void validate(Answer answer) {
            String operation = method + " " + template;
            answered.computeIfAbsent(operation, key -> new TreeSet<>()).add(answer.status());
            if (operation(operation).isMissingNode()) {
                violations.add(name + ": " + operation + " is not in the document");
                return;
            }
            SimpleResponse.Builder response = new SimpleResponse.Builder(answer.status());
            answer.headers().forEach((header, values) -> {
                if (!header.startsWith(":") && !header.equalsIgnoreCase("Content-Type")) {
                    response.withHeader(header, values);
                }
            });
            if (answer.header("Content-Type") != null) {
                response.withContentType(answer.header("Content-Type"));
            }
            if (!answer.raw().isEmpty()) {
                response.withBody(answer.raw());
            }
            ValidationReport report;
            if (wellFormed) {
                SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
                query.forEach(request::withQueryParam);
                headers.forEach(request::withHeader);
                request.withAccept(accept);
                if (body != null) {
                    request.withContentType(contentType).withBody(body);
                }
                report = validator.validate(request.build(), response.build());
            } else {
                report = validator.validateResponse(path, Request.Method.valueOf(method), response.build());
            }
            if (report.hasErrors() || answer.status() == 500) {
                violations.add(String.format(
                        "%s: %s %s -> %d %s%n    %s%n    body: %s",
                        name,
                        method,
                        pathAndQuery(),
                        answer.status(),
                        answer.header("Content-Type"),
                        report.getMessages().stream()
                                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                                .map(message -> message.getKey() + ": " + message.getMessage()
                                        + (message.getAdditionalInfo().isEmpty()
                                                ? ""
                                                : " " + message.getAdditionalInfo()))
                                .collect(Collectors.joining("\n    ")),
                        abbreviate(answer.raw())));
            }
        }
    }

    /** An answer: status, headers and body as received. */
    record Answer(int status, Map<String, List<String>> headers, String raw) {

        JsonNode json() {
            try {
                return raw.isBlank() ? JsonHttp.MAPPER.missingNode() : JsonHttp.MAPPER.readTree(raw);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Not JSON: " + raw, e);
            }
        }

        /** A field by JSON pointer ("items/0/id"), or null. */
        String text(String pointer) {
            JsonNode node = json().at(pointer.startsWith("/") ? pointer : "/" + pointer);
            return node.isMissingNode() || node.isNull() ? null : node.asText();
        }

        String header(String name) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                    return header.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** Statuses per operation, for the test's report. */
    String summary() {
        Map<String, Set<Integer>> sorted = new TreeMap<>(answered);
        StringBuilder summary = new StringBuilder(name).append(":\n");
        for (Iterator<Map.Entry<String, Set<Integer>>> it = sorted.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Set<Integer>> entry = it.next();
            summary.append("  ")
                    .append(entry.getKey())
                    .append(' ')
                    .append(entry.getValue())
                    .append('\n');
        }
        return summary.toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }
}
