package dev.cinema.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/** An answer from 400 up; {@link Problems} prints it. */
final class ApiFailure extends RuntimeException {

    private final String method;
    private final URI uri;
    private final Api.Reply reply;

    ApiFailure(String method, URI uri, Api.Reply reply) {
        super(method + " " + uri + " answered " + reply.status());
        this.method = method;
        this.uri = uri;
        this.reply = reply;
    }

    String method() {
        return method;
    }

    URI uri() {
        return uri;
    }

    int status() {
        return reply.status();
    }

    Api.Reply reply() {
        return reply;
    }

    /** The problem+json body, or null when the body is not a JSON object. */
    JsonNode problem() {
        String body = reply.body();
        if (body == null || !body.strip().startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node.isObject() ? node : null;
        } catch (Exception notJson) {
            return null;
        }
    }

    /** The problem's {@code code}, or null. */
    String code() {
        return Json.text(problem(), "code");
    }
}
