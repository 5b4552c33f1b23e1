package dev.cinema.platform.refusal;

import java.util.Map;

/**
 * A refusal as it travels from a command handler back to the sender: Axon carries it as the
 * details of a {@code CommandExecutionException}, which also survives the trip through Axon Server
 * (the exception class itself does not).
 */
public record RefusalDetails(String code, String field, String message, Map<String, Object> details) {

    public RefusalDetails {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public Refusal asRefusal() {
        return new Refusal(code, field, message, details);
    }
}
