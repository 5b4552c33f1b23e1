package dev.cinema.query.seatmap;

import dev.cinema.contracts.seatmap.FindSeatMapQuery;
import dev.cinema.contracts.seatmap.SeatMap;
import dev.cinema.platform.refusal.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** A screening's seat map, once or live. Public, like the listings: it never says who holds a seat. */
@RestController
@RequestMapping("/api/screenings/{screeningId}/seat-map")
@Tag(name = "Seat maps", description = "Every seat of a screening with its state, once or live (public)")
@SecurityRequirements
class SeatMapController {

    private static final Logger log = LoggerFactory.getLogger(SeatMapController.class);
    private static final Duration INITIAL_RESULT_TIMEOUT = Duration.ofSeconds(30);

    private final QueryGateway queries;
    private final Duration streamTimeout;
    private final Duration keepAlive;

    SeatMapController(QueryGateway queries, SeatMapStreamProperties properties) {
        this.queries = queries;
        this.streamTimeout = properties.streamTimeout();
        this.keepAlive = properties.keepAlive();
    }

    @GetMapping
    @Operation(summary = "A screening's seat map: layout with gaps, each seat's state, prices and counts")
    SeatMap seatMap(@PathVariable @Size(max = 64) String screeningId) {
        return queries.query(new FindSeatMapQuery(screeningId), ResponseTypes.optionalInstanceOf(SeatMap.class))
                .join()
                .orElseThrow(() -> notFound(screeningId));
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "The seat map live, as Server-Sent Events",
            description = "Each event (name seat-map, id = the map's version) carries the whole seat map as JSON: "
                    + "first the current one, then a new one after every change. The stream ends after the "
                    + "configured timeout (30 minutes by default); reconnect to go on.")
    SseEmitter stream(@PathVariable @Size(max = 64) String screeningId) {
        SubscriptionQueryResult<SeatMap, SeatMap> subscription = queries.subscriptionQuery(
                new FindSeatMapQuery(screeningId),
                ResponseTypes.instanceOf(SeatMap.class),
                ResponseTypes.instanceOf(SeatMap.class));
        SeatMap initial;
        try {
            initial = subscription.initialResult().block(INITIAL_RESULT_TIMEOUT);
        } catch (RuntimeException e) {
            subscription.cancel();
            throw e;
        }
        if (initial == null) {
            subscription.cancel();
            throw notFound(screeningId);
        }

        SseEmitter emitter = new SseEmitter(streamTimeout.toMillis());
        // Updates emitted between subscribing and the initial query are buffered by Axon and may
        // be older than the initial map: only ever send a newer version than the last one sent.
        AtomicLong lastSent = new AtomicLong(Long.MIN_VALUE);
        AtomicReference<Disposable> updates = new AtomicReference<>();
        AtomicReference<Disposable> heartbeat = new AtomicReference<>();
        AtomicBoolean closed = new AtomicBoolean();
        Runnable unsubscribe = () -> {
            if (closed.compareAndSet(false, true)) {
                subscription.cancel();
            }
            for (AtomicReference<Disposable> task : List.of(updates, heartbeat)) {
                Disposable running = task.get();
                if (running != null) {
                    running.dispose();
                }
            }
        };
        emitter.onCompletion(unsubscribe);
        emitter.onError(error -> unsubscribe.run());
        emitter.onTimeout(() -> {
            unsubscribe.run();
            emitter.complete();
        });
        if (!send(emitter, initial, lastSent)) {
            unsubscribe.run();
            return emitter;
        }
        // Updates are emitted on the event processor's thread: writing to a slow client there would
        // hold the projection up, so they are sent from another thread.
        // Each update is a whole map, so a slow client only ever needs the latest one.
        updates.set(subscription
                .updates()
                .onBackpressureLatest()
                .publishOn(Schedulers.boundedElastic(), 1)
                .subscribe(
                        map -> {
                            if (!send(emitter, map, lastSent)) {
                                unsubscribe.run();
                            }
                        },
                        error -> {
                            log.debug("Seat map updates of {} failed", screeningId, error);
                            emitter.complete();
                        },
                        emitter::complete));
        // A comment now and then: a client that went away is noticed (the write fails) without
        // waiting for the next change, and proxies do not cut a quiet stream.
        heartbeat.set(Flux.interval(keepAlive).subscribe(tick -> {
            try {
                emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                unsubscribe.run();
            }
        }));
        if (closed.get()) {
            // The client left while we subscribed.
            unsubscribe.run();
        }
        return emitter;
    }

    /** False when the client has gone away. */
    private static boolean send(SseEmitter emitter, SeatMap map, AtomicLong lastSent) {
        if (map.version() <= lastSent.get()) {
            return true;
        }
        try {
            emitter.send(SseEmitter.event()
                    .name("seat-map")
                    .id(Long.toString(map.version()))
                    .data(map, MediaType.APPLICATION_JSON));
            lastSent.set(map.version());
            return true;
        } catch (IOException | IllegalStateException e) {
            // The connection is gone (or the emitter already completed): the container completes the emitter.
            return false;
        }
    }

    private static Refusal notFound(String screeningId) {
        return new Refusal("seat-map-not-found", null, "No seat map for screening " + screeningId);
    }
}
