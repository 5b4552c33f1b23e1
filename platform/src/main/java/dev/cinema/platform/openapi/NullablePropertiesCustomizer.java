package dev.cinema.platform.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Marks the declared {@link NullableProperties} nullable in the document's schemas. A reference to
 * another schema cannot carry {@code nullable} in OpenAPI 3.0 (siblings of {@code $ref} are
 * ignored), and the {@code allOf: [$ref], nullable: true} idiom is lost by validators that merge
 * combinators, so such a property gets an inline, nullable copy of the referenced schema. A
 * declaration naming a schema or property the document does not have fails the document, so that
 * declarations do not outlive what they describe.
 */
class NullablePropertiesCustomizer implements GlobalOpenApiCustomizer {

    private final List<NullableProperties> declarations;

    NullablePropertiesCustomizer(List<NullableProperties> declarations) {
        this.declarations = List.copyOf(declarations);
    }

    /** An inline copy of the referenced schema, nullable. */
    private static Schema<?> nullableCopy(String ref, Map<String, Schema> schemas) {
        Schema<?> target = schemas.get(ref.substring(ref.lastIndexOf('/') + 1));
        if (target == null) {
            throw new IllegalStateException("No schema " + ref);
        }
        try {
            Schema<?> copy = Json.mapper().readValue(Json.mapper().writeValueAsString(target), Schema.class);
            copy.setNullable(true);
            return copy;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot copy the schema " + ref, e);
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, Schema> schemas =
                openApi.getComponents() == null ? null : openApi.getComponents().getSchemas();
        for (NullableProperties declaration : declarations) {
            String name = declaration.type().getSimpleName();
            Schema<?> schema = schemas == null ? null : schemas.get(name);
            if (schema == null || schema.getProperties() == null) {
                throw new IllegalStateException(
                        "Declared nullable properties of " + name + ", which is not a schema of this document");
            }
            Map<String, Schema> properties = schema.getProperties();
            for (String property : declaration.names()) {
                Schema<?> current = properties.get(property);
                if (current == null) {
                    throw new IllegalStateException(name + " has no property " + property + " to declare nullable");
                }
                if (current.get$ref() != null) {
                    properties.put(property, nullableCopy(current.get$ref(), schemas));
                } else {
                    current.setNullable(true);
                }
            }
        }
    }
}
