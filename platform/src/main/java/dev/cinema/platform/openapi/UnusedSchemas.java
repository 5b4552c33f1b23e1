package dev.cinema.platform.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Drops component schemas that no operation refers to, directly or through other schemas (such
 * as the one springdoc derives from {@code SseEmitter}, which is not what a stream carries): a
 * client generator would otherwise turn them into types nobody uses.
 */
class UnusedSchemas implements GlobalOpenApiCustomizer {

    private static final String PREFIX = "#/components/schemas/";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        Set<String> used = new HashSet<>();
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.add(Json.mapper().valueToTree(openApi.getPaths()));
        while (!pending.isEmpty()) {
            for (JsonNode ref : pending.pop().findValues("$ref")) {
                String name = ref.asText().startsWith(PREFIX) ? ref.asText().substring(PREFIX.length()) : null;
                if (name != null && used.add(name) && schemas.containsKey(name)) {
                    pending.add(Json.mapper().valueToTree(schemas.get(name)));
                }
            }
        }
        schemas.keySet().retainAll(used);
    }
}
