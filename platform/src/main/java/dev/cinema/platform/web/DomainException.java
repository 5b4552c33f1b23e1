package dev.cinema.platform.web;

import java.util.List;
import java.util.Map;

/**
 * A refusal the caller should understand: a business rule, an unknown id, a conflict. Carries the
 * HTTP-facing kind, a stable machine-readable code and, where one input is to blame, its field.
 * Thrown by aggregates and command handlers; turned into problem+json at the edge.
 */
public class DomainException extends RuntimeException {

    private final ProblemKind kind;
    private final String code;
    private final String field;
    private final Map<String, List<String>> properties;

    public DomainException(ProblemKind kind, String code, String field, String message) {
        this(kind, code, field, message, Map.of());
    }

    /** {@code properties} become extra members of the problem, e.g. {"unavailableSeats": ["A3"]}. */
    public DomainException(
            ProblemKind kind, String code, String field, String message, Map<String, List<String>> properties) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.field = field;
        this.properties = Map.copyOf(properties);
    }

    public static DomainException notFound(String code, String field, String message) {
        return new DomainException(ProblemKind.NOT_FOUND, code, field, message);
    }

    public static DomainException conflict(String code, String field, String message) {
        return new DomainException(ProblemKind.CONFLICT, code, field, message);
    }

    public static DomainException invalid(String code, String field, String message) {
        return new DomainException(ProblemKind.UNPROCESSABLE, code, field, message);
    }

    public static DomainException badRequest(String code, String field, String message) {
        return new DomainException(ProblemKind.BAD_REQUEST, code, field, message);
    }

    public ProblemKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public ErrorDetails details() {
        return new ErrorDetails(kind, code, field, getMessage(), properties);
    }
}
