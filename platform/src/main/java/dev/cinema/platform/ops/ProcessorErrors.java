package dev.cinema.platform.ops;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;

/**
 * The last failure each event processor of this process has seen, for the processor list: a
 * segment in error says only what fails now, and a handler failure that was dead-lettered never
 * reaches the processor at all. Kept in memory, per process (each process reports what it saw).
 */
public class ProcessorErrors {

    /** As long as Axon keeps a dead letter's cause message. */
    static final int MAX_MESSAGE = 1023;

    private final Map<String, String> last = new ConcurrentHashMap<>();

    public void record(String processor, Throwable failure) {
        if (processor != null && failure != null) {
            last.put(processor, describe(failure));
        }
    }

    public Optional<String> last(String processor) {
        return Optional.ofNullable(last.get(processor));
    }

    /**
     * Sees what a handler throws on its way out to the processor (groups without a dead-letter
     * queue, whose failure stops the segment, or rolls a subscribing processor's command back); it
     * changes nothing.
     */
    public MessageHandlerInterceptor<EventMessage<?>> interceptor(String processor) {
        return (unitOfWork, chain) -> {
            try {
                return chain.proceed();
            } catch (Exception | Error failure) {
                record(processor, failure);
                throw failure;
            }
        };
    }

    /** The failure's class and message: what Axon stores as a dead letter's cause. */
    public static String describe(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getName();
        }
        String text = failure.getClass().getName() + ": " + message;
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE);
    }
}
