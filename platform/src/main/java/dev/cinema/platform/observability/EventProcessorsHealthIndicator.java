package dev.cinema.platform.observability;

import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * DOWN while an event processor this app needs is not running or is failing (a segment in error,
 * retrying with back-off): its read models or policies fall behind, so the app should not be sent
 * traffic that expects them. Part of the readiness group, never of liveness: restarting the
 * process rarely cures what stops a processor (a database error, a poison event without a
 * dead-letter queue), and a processor in error retries by itself. Read from this process's own
 * processors only, no database query, so that a probe stays cheap.
 */
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final Configuration axon;
    private final EventProcessorsNeeded needed;

    public EventProcessorsHealthIndicator(Configuration axon, EventProcessorsNeeded needed) {
        super("Event processors not readable");
        this.axon = axon;
        this.needed = needed;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, String> states = new TreeMap<>();
        boolean up = true;
        for (Map.Entry<String, EventProcessor> entry :
                axon.eventProcessingConfiguration().eventProcessors().entrySet()) {
            String name = entry.getKey();
            EventProcessor processor = entry.getValue();
            if (!needed.needs(name)) {
                states.put(name, processor.isRunning() ? "running (not needed)" : "stopped (not needed)");
                continue;
            }
            if (processor.isError()) {
                states.put(name, "error");
                up = false;
            } else if (!processor.isRunning()) {
                states.put(name, "stopped");
                up = false;
            } else {
                states.put(name, "running");
            }
        }
        (up ? builder.up() : builder.down()).withDetail("processors", states);
    }
}
