package dev.cinema.platform.observability;

import dev.cinema.platform.ops.ProcessorStatus;
import dev.cinema.platform.ops.ProcessorStatuses;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.axonframework.config.Configuration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Per processor: how many events it is behind the head of the store, how many events it has
 * parked as dead letters, and whether it runs and fails in this process. The same figures as
 * {@code GET /api/ops/processors} (positions from the shared token table, so a segment held by
 * another process counts too), read at most once per {@link #REFRESH} however many gauges a
 * scrape reads. Axon's own {@code eventProcessor_latency} says how old the last handled event was,
 * which stops moving while a processor is stuck or idle; the lag in events does not.
 */
public class EventProcessorMetrics {

    static final Duration REFRESH = Duration.ofSeconds(5);

    private final Configuration axon;
    private final ProcessorStatuses statuses;
    private final MeterRegistry registry;
    private final Clock clock = Clock.systemUTC();
    private volatile Snapshot snapshot = new Snapshot(Instant.EPOCH, Map.of());

    public EventProcessorMetrics(Configuration axon, ProcessorStatuses statuses, MeterRegistry registry) {
        this.axon = axon;
        this.statuses = statuses;
        this.registry = registry;
    }

    private record Snapshot(Instant readAt, Map<String, ProcessorStatus> byName) {}

    /** Once the processors exist (Axon builds them as the context starts). */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (String name : axon.eventProcessingConfiguration().eventProcessors().keySet()) {
            gauge(
                    "cinema.processor.lag",
                    name,
                    "Events between the head of the store and the processor",
                    s -> s.lag() == null ? 0 : s.lag());
            gauge(
                    "cinema.processor.dead.letters",
                    name,
                    "Events parked in the processor's dead-letter queue",
                    s -> s.deadLetters());
            gauge(
                    "cinema.processor.running",
                    name,
                    "1 if the processor runs in this process",
                    s -> s.running() ? 1 : 0);
            gauge(
                    "cinema.processor.error",
                    name,
                    "1 if a segment of the processor fails in this process",
                    s -> s.error() ? 1 : 0);
        }
    }

    private void gauge(String metric, String processor, String description, ToDoubleFunction<ProcessorStatus> value) {
        Gauge.builder(metric, this, metrics -> {
                    ProcessorStatus status = metrics.status(processor);
                    return status == null ? Double.NaN : value.applyAsDouble(status);
                })
                .tag("processor", processor)
                .description(description)
                .register(registry);
    }

    private ProcessorStatus status(String processor) {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current.readAt().plus(REFRESH).isBefore(now)) {
            synchronized (this) {
                current = snapshot;
                if (current.readAt().plus(REFRESH).isBefore(now)) {
                    current = new Snapshot(
                            now,
                            statuses.all().stream().collect(Collectors.toMap(ProcessorStatus::name, status -> status)));
                    snapshot = current;
                }
            }
        }
        return current.byName().get(processor);
    }
}
