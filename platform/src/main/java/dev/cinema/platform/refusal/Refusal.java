package dev.cinema.platform.refusal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the system will not carry out, said in the domain's words: a stable, machine-readable
 * {@code code} ("seats-unavailable"), the input at fault where one is ({@code field}), a message for
 * people, and the {@code details} a caller needs to act (the seats that are taken). It knows nothing
 * of HTTP: the web layer gives each code its one status (see {@code RefusalStatuses}).
 *
 * <p>Thrown by aggregates, command handlers and query-side controllers; on the command side it
 * travels back to the sender as {@link RefusalDetails}, the form that also crosses Axon Server.
 */
public class Refusal extends RuntimeException {

    /**
     * A detail, in whole seconds, for a refusal that passes by itself (a 429 or 503): the caller may
     * try again after it. The web layer also sends it as the {@code Retry-After} header.
     */
    public static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";

    private final String code;
    private final String field;
    private final Map<String, Object> details;

    public Refusal(String code, String field, String message) {
        this(code, field, message, Map.of());
    }

    /** {@code details} become members of the answer, e.g. {@code {"unavailableSeats": ["A3"]}}. */
    public Refusal(String code, String field, String message, Map<String, ?> details) {
        super(message);
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("A refusal needs a code");
        }
        this.code = code;
        this.field = field;
        this.details = Map.copyOf(details);
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** This refusal with one more detail. */
    public Refusal with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(name, value);
        return new Refusal(code, field, getMessage(), more);
    }

    public RefusalDetails asDetails() {
        return new RefusalDetails(code, field, getMessage(), details);
    }
}
