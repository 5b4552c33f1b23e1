package dev.cinema.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/** Reading the answers loosely: a member the server does not send shows as a dash, not a crash. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new CliFailure("The server answered something that is not JSON: " + abbreviate(body, 200));
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The member as text, null when missing or null. */
    static String text(JsonNode node, String member) {
        JsonNode value = node == null ? null : node.get(member);
        return value == null || value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    /** The member as a number, null when missing, null or not a number. */
    static Long number(JsonNode node, String member) {
        JsonNode value = node == null ? null : node.get(member);
        return value == null || !value.isNumber() ? null : value.asLong();
    }

    static Double decimal(JsonNode node, String member) {
        JsonNode value = node == null ? null : node.get(member);
        return value == null || !value.isNumber() ? null : value.asDouble();
    }

    /** The member as a boolean, null when missing or not a boolean. */
    static Boolean flag(JsonNode node, String member) {
        JsonNode value = node == null ? null : node.get(member);
        return value == null || !value.isBoolean() ? null : value.asBoolean();
    }

    static String abbreviate(String text, int max) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…";
    }
}
