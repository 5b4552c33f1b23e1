package dev.cinema.query.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Turns a subscription query into a stream of Server-Sent Events: the initial result first, then
 * every update, until the client leaves, the stream times out (clients reconnect) or the server
 * stops. Shared by the live seat maps and the live inbox.
 *
 * <ul>
 *   <li>Updates are emitted on the event processor's thread: writing to a slow client there would
 *       hold the projection up, so they are written from another thread, shaped by the caller
 *       (a seat map keeps only the latest, an inbox keeps every alert).
 *   <li>A comment now and then ("keep-alive"): a client that went away is noticed (the write
 *       fails) without waiting for the next update, and proxies do not cut a quiet stream.
 *   <li>However it ends, the subscription is cancelled once and the tasks feeding it stop.
 *   <li>When the server stops, every open stream is completed before the web server goes (this
 *       lifecycle stops first), so clients see the stream end rather than a cut connection.
 * </ul>
 */
@Component
public class LiveStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    /** Writes one item to the client as one or more events; an IOException means it has gone. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(SseEmitter emitter, T item) throws IOException;
    }

    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private final MeterRegistry registry;
    private volatile boolean running;

    /** The kinds of stream, the {@code kind} tag of {@code cinema_sse_streams}. */
    public static final String SEAT_MAPS = "seat-map";

    public static final String INBOXES = "alerts";

    LiveStreams(MeterRegistry registry) {
        this.registry = registry;
        // Shown as 0 before the first stream opens.
        gauge(SEAT_MAPS);
        gauge(INBOXES);
    }

    private void gauge(String kind) {
        // Registered once per kind (Micrometer answers the existing gauge after that).
        Gauge.builder("cinema.sse.streams", this, streams -> streams.openStreams(kind))
                .description("Server-Sent Event streams open now (live seat maps, live inboxes)")
                .tag("kind", kind)
                .register(registry);
    }

    /**
     * Opens a stream for {@code subscription}, whose {@code initial} result the caller has
     * already read (and answered 404 for, if there was none). {@code shape} decides what a slow
     * client gets of the updates ({@code Flux::onBackpressureLatest}, a bounded buffer...).
     */
    public <U> SseEmitter open(
            String kind,
            SubscriptionQueryResult<?, U> subscription,
            U initial,
            Writer<U> writer,
            UnaryOperator<Flux<U>> shape,
            Duration timeout,
            Duration keepAlive) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        gauge(kind);
        Stream stream = new Stream(kind, emitter, subscription);
        open.add(stream);
        emitter.onCompletion(stream::close);
        emitter.onError(error -> stream.close());
        emitter.onTimeout(stream::end);
        if (!running || !stream.write(writer, initial)) {
            stream.end();
            return emitter;
        }
        stream.tasks.add(shape.apply(subscription.updates())
                .publishOn(Schedulers.boundedElastic(), 1)
                .subscribe(
                        update -> {
                            if (!stream.write(writer, update)) {
                                stream.close();
                            }
                        },
                        error -> {
                            log.debug("Updates of a live stream failed", error);
                            stream.end();
                        },
                        stream::end));
        stream.tasks.add(Flux.interval(keepAlive).subscribe(tick -> {
            if (!stream.write((e, ignored) -> e.send(SseEmitter.event().comment("keep-alive")), tick)) {
                stream.close();
            }
        }));
        if (stream.closed.get()) {
            // The client left while we subscribed.
            stream.close();
        }
        return emitter;
    }

    /** How many streams are open (for tests and diagnostics). */
    public int openStreams() {
        return open.size();
    }

    /** How many streams of one kind are open. */
    public int openStreams(String kind) {
        return (int) open.stream().filter(stream -> stream.kind.equals(kind)).count();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        List.copyOf(open).forEach(Stream::end);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** One open stream: its emitter, its subscription and what feeds it. */
    private final class Stream {

        final String kind;
        final SseEmitter emitter;
        final SubscriptionQueryResult<?, ?> subscription;
        final Set<Disposable> tasks = ConcurrentHashMap.newKeySet();
        final AtomicBoolean closed = new AtomicBoolean();
        final AtomicBoolean cancelled = new AtomicBoolean();

        Stream(String kind, SseEmitter emitter, SubscriptionQueryResult<?, ?> subscription) {
            this.kind = kind;
            this.emitter = emitter;
            this.subscription = subscription;
        }

        /** False when the client has gone away (or the stream has ended). */
        <T> boolean write(Writer<T> writer, T item) {
            try {
                writer.write(emitter, item);
                return true;
            } catch (IOException | IllegalStateException e) {
                // The connection is gone (or the emitter already completed): the container completes the emitter.
                return false;
            }
        }

        /** Stops feeding the stream; idempotent, and safe from any thread. */
        void close() {
            closed.set(true);
            if (cancelled.compareAndSet(false, true)) {
                subscription.cancel();
            }
            tasks.forEach(Disposable::dispose);
            open.remove(this);
        }

        /** Closes and tells the client the stream is over. */
        void end() {
            close();
            try {
                emitter.complete();
            } catch (IllegalStateException alreadyDone) {
                // completed before
            }
        }
    }
}
