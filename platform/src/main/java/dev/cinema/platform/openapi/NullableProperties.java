package dev.cinema.platform.openapi;

import java.util.List;

/**
 * Properties that may be null in an answer, of a type that cannot carry annotations (the records
 * of {@code api-contracts}, which depend on no framework): declared as a bean by the app that
 * answers with them, so that their schemas say {@code nullable}. Types an app owns say it with
 * {@code @Schema(nullable = true)} on the property instead. Anything not declared nullable is
 * never null, and the OpenAPI contract test holds every answer to that.
 */
public record NullableProperties(Class<?> type, List<String> names) {

    public NullableProperties {
        names = List.copyOf(names);
    }

    public static NullableProperties of(Class<?> type, String... names) {
        return new NullableProperties(type, List.of(names));
    }
}
