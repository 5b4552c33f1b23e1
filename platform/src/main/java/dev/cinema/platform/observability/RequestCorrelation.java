package dev.cinema.platform.observability;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.slf4j.MDC;

/**
 * The id that follows one HTTP request through everything it causes: the request's log lines, the
 * command it sends, the events that command applies, the deadlines and processes they start, and
 * the projections that fold them. It travels in the {@code X-Correlation-Id} header, in the
 * messages' metadata ({@link #METADATA_KEY}) and, while something works for the request, in the
 * logging MDC under the same key, from which the text pattern and the JSON log lines print it.
 *
 * <p>Not Axon's own {@code correlationId}/{@code traceId} (from {@code MessageOriginProvider}):
 * those name the message that caused a message, which a client never sees; this one is the
 * client's (or generated for it and sent back), so that a support call can quote it.
 */
public final class RequestCorrelation {

    /** The request and response header. */
    public static final String HEADER = "X-Correlation-Id";

    /** The metadata key on commands, events and deadlines, and the MDC key. */
    public static final String METADATA_KEY = "requestId";

    /**
     * What a caller may send: a UUID, a ULID or any id of 8 to 64 letters, digits, dots, dashes
     * and underscores. Anything else (too long, spaces, line breaks that would forge log lines) is
     * replaced by a generated id rather than refused: a bad header must not cost a customer their
     * booking.
     */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private RequestCorrelation() {}

    /** The caller's id if it has an accepted shape, otherwise a new random UUID. */
    public static String acceptOrGenerate(String header) {
        return header != null && ACCEPTED.matcher(header).matches()
                ? header
                : UUID.randomUUID().toString();
    }

    /** The request id of the work this thread does now, or null. */
    public static String current() {
        return MDC.get(METADATA_KEY);
    }

    /** The request id a message carries, or null. */
    public static String of(Message<?> message) {
        return message.getMetaData().get(METADATA_KEY) instanceof String id ? id : null;
    }

    /** The current request id as metadata to put on a message sent for it (empty without one). */
    public static Map<String, Object> currentAsMetaData() {
        String id = current();
        return id == null ? Map.of() : Map.of(METADATA_KEY, id);
    }

    /** Runs {@code work} with {@code id} in the MDC (none: as is), then puts back what was there. */
    public static <T> T with(String id, Supplier<T> work) {
        if (id == null) {
            return work.get();
        }
        String previous = MDC.get(METADATA_KEY);
        MDC.put(METADATA_KEY, id);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                MDC.remove(METADATA_KEY);
            } else {
                MDC.put(METADATA_KEY, previous);
            }
        }
    }

    /** {@link #with(String, Supplier)} for work without a result. */
    public static void run(String id, Runnable work) {
        with(id, () -> {
            work.run();
            return null;
        });
    }

    /**
     * Copies the request id from the message being handled onto every message its handling sends
     * or applies (Axon merges correlation data into new messages of the unit of work), so that it
     * reaches the events, the deadlines they schedule, and what those cause in turn.
     */
    public static CorrelationDataProvider correlationDataProvider() {
        return message -> {
            String id = of(message);
            return id == null ? Map.of() : Map.of(METADATA_KEY, id);
        };
    }

    /**
     * Puts the request id of the message being handled into the MDC for as long as it is handled
     * (event handlers, projections, sagas, deadline handlers), so that their log lines name it.
     */
    public static <M extends Message<?>> MessageHandlerInterceptor<M> mdcInterceptor() {
        return (unitOfWork, chain) -> {
            String id = of(unitOfWork.getMessage());
            if (id == null) {
                return chain.proceed();
            }
            String previous = MDC.get(METADATA_KEY);
            MDC.put(METADATA_KEY, id);
            try {
                return chain.proceed();
            } finally {
                if (previous == null) {
                    MDC.remove(METADATA_KEY);
                } else {
                    MDC.put(METADATA_KEY, previous);
                }
            }
        };
    }
}
