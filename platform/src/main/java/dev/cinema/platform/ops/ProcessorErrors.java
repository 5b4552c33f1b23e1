package dev.cinema.platform.ops;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.ErrorHandler;

/**
 * The last failure each event processor of this process has seen, for the processor list: a
 * segment in error says only what fails now, and a handler failure that was dead-lettered never
 * reaches the processor at all (its queue's enqueue policy records it, see {@link
 * DeadLetterQueues}). Kept in memory, per process (each process reports what it saw).
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
     * Axon's default processor error handler (propagate: the segment stops and is retried with
     * back-off, a subscribing processor's command rolls back), noting the failure first: a handler
     * that threw in a group without a dead-letter queue, or a batch whose transaction failed.
     */
    public ErrorHandler recording(ErrorHandler delegate) {
        return context -> {
            record(context.eventProcessor(), context.error());
            delegate.handleError(context);
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
