package dev.cinema.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Prints a failed call: the problem's title, status, code, detail, errors and every other member. */
final class Problems {

    private static final List<String> FIRST = List.of("title", "status", "code", "detail", "errors");

    private Problems() {}

    static void print(PrintWriter err, ApiFailure failure) {
        err.println("Error: " + failure.getMessage());
        JsonNode problem = failure.problem();
        if (problem == null) {
            String body = failure.reply().body();
            if (body != null && !body.isBlank()) {
                err.println("  body: " + Json.abbreviate(body, 500));
            }
        } else {
            List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
            for (String name : FIRST) {
                if (problem.has(name)) {
                    members.add(Map.entry(name, problem.get(name)));
                }
            }
            Iterator<Map.Entry<String, JsonNode>> rest = problem.fields();
            while (rest.hasNext()) {
                Map.Entry<String, JsonNode> member = rest.next();
                if (!FIRST.contains(member.getKey())) {
                    members.add(member);
                }
            }
            int width = members.stream()
                    .mapToInt(member -> member.getKey().length())
                    .max()
                    .orElse(0);
            for (Map.Entry<String, JsonNode> member : members) {
                printMember(err, member.getKey(), member.getValue(), width);
            }
        }
        String hint = hint(failure.status());
        if (hint != null) {
            err.println(hint);
        }
        err.flush();
    }

    private static void printMember(PrintWriter err, String name, JsonNode value, int width) {
        String label = "  " + name + ":" + " ".repeat(width - name.length() + 1);
        if (value.isArray() && !value.isEmpty()) {
            err.println("  " + name + ":");
            for (JsonNode item : value) {
                err.println("    - " + item(item));
            }
        } else {
            err.println(label + (value.isValueNode() ? value.asText() : Json.write(value)));
        }
    }

    /** An {@code errors} entry as {@code field: message}; anything else as JSON. */
    private static String item(JsonNode item) {
        if (item.isObject() && item.has("message")) {
            String field = Json.text(item, "field");
            String message = Json.text(item, "message");
            return field == null ? message : field + ": " + message;
        }
        return item.isValueNode() ? item.asText() : Json.write(item);
    }

    private static String hint(int status) {
        return switch (status) {
            case 401 -> "Hint: the token is missing, wrong or expired: run 'cinema login' again (or set CINEMA_TOKEN).";
            case 403 -> "Hint: this needs an account with the ANALYST or ADMIN role.";
            default -> null;
        };
    }
}
