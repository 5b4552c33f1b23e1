package dev.cinema.platform.web;

/**
 * What a refused command tells its sender. Axon carries it as the details of a
 * {@code CommandExecutionException}, which also survives the trip through Axon Server.
 */
public record ErrorDetails(ProblemKind kind, String code, String field, String message) {
}
