package dev.cinema.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The HTTP calls, on the JDK's client: a bearer token on every call but login, JSON in and out,
 * and every answer from 400 up turned into an {@link ApiFailure} that carries the problem.
 */
final class Api {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Long enough for a large CSV export; short enough that a hung server does not hang a script. */
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    /** One of the two apps: a name for messages and the URL everything is relative to. */
    record Side(String name, String baseUrl) {

        URI uri(String pathAndQuery) {
            return URI.create(baseUrl + pathAndQuery);
        }

        /** A {@code Location} header, absolute or relative to this side. */
        URI resolve(String location) {
            return URI.create(baseUrl + "/").resolve(location);
        }
    }

    record Reply(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            return Json.parse(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final HttpClient http;
    private final String token;

    Api(String token) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.token = token;
    }

    Reply get(Side side, String pathAndQuery) {
        return send("GET", side, side.uri(pathAndQuery), null, "application/json, application/problem+json");
    }

    Reply get(Side side, URI uri) {
        return send("GET", side, uri, null, "application/json, application/problem+json");
    }

    Reply post(Side side, String pathAndQuery, Object body) {
        return send(
                "POST",
                side,
                side.uri(pathAndQuery),
                body == null ? null : Json.write(body),
                "application/json, application/problem+json");
    }

    Reply delete(Side side, String pathAndQuery) {
        return send("DELETE", side, side.uri(pathAndQuery), null, "application/json, application/problem+json");
    }

    Reply send(String method, Side side, URI uri, String jsonBody, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", accept)
                .header("User-Agent", "cinema-cli/" + CinemaCli.version());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw unreachable(side, "no answer within " + CONNECT_TIMEOUT.toSeconds() + " s");
        } catch (ConnectException e) {
            throw unreachable(side, "connection refused");
        } catch (HttpTimeoutException e) {
            throw new CliFailure(method + " " + uri + ": no answer within " + REQUEST_TIMEOUT.toMinutes() + " min");
        } catch (IOException e) {
            throw new CliFailure(method + " " + uri + " failed: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("Interrupted");
        }
        Reply reply = new Reply(response.statusCode(), response.headers(), response.body());
        if (reply.status() >= 400) {
            throw new ApiFailure(method, uri, reply);
        }
        return reply;
    }

    private static CliFailure unreachable(Side side, String why) {
        return new CliFailure("Cannot connect to the " + side.name() + " at " + side.baseUrl() + " (" + why
                + "). Is it running, and is the URL right?");
    }

    private static String describe(IOException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null
                ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** {@code ?a=1&b=2} from the parameters that have a value, in their order; empty when none. */
    static String query(Map<String, ?> parameters) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> {
            if (value != null) {
                query.add(name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    static Map<String, Object> parameters(Object... namesAndValues) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return parameters;
    }

    /** One path segment, percent-encoded (a name or id typed by the user cannot add segments). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
