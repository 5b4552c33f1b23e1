package dev.cinema.platform.web;

import java.util.List;
import java.util.Map;

/**
 * What a refused command tells its sender. Axon carries it as the details of a
 * {@code CommandExecutionException}, which also survives the trip through Axon Server.
 * {@code properties} are extra members of the problem document (e.g. the seats that are taken).
 */
public record ErrorDetails(
        ProblemKind kind, String code, String field, String message, Map<String, List<String>> properties) {

    public ErrorDetails {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public ErrorDetails(ProblemKind kind, String code, String field, String message) {
        this(kind, code, field, message, Map.of());
    }
}
