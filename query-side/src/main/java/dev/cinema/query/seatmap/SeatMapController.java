package dev.cinema.query.seatmap;

import dev.cinema.contracts.seatmap.FindSeatMapQuery;
import dev.cinema.contracts.seatmap.SeatMap;
import dev.cinema.platform.refusal.Refusal;
import dev.cinema.query.live.LiveStreams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.publisher.Flux;

/** A screening's seat map, once or live. Public, like the listings: it never says who holds a seat. */
@RestController
@RequestMapping("/api/screenings/{screeningId}/seat-map")
@Tag(name = "Seat maps", description = "Every seat of a screening with its state, once or live (public)")
@SecurityRequirements
class SeatMapController {

    private static final Duration INITIAL_RESULT_TIMEOUT = Duration.ofSeconds(30);

    private final QueryGateway queries;
    private final SeatMapJson json;
    private final LiveStreams streams;
    private final Duration streamTimeout;
    private final Duration keepAlive;

    SeatMapController(QueryGateway queries, SeatMapJson json, LiveStreams streams, SeatMapStreamProperties properties) {
        this.queries = queries;
        this.json = json;
        this.streams = streams;
        this.streamTimeout = properties.streamTimeout();
        this.keepAlive = properties.keepAlive();
    }

    /**
     * The map's JSON is written once per built map ({@link SeatMapJson}); its ETag names the
     * version and the content, so a client that has it already is answered 304 without a body.
     */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A screening's seat map: layout with gaps, each seat's state, prices and counts",
            description = "The ETag names the map's version and content: send it back in If-None-Match and"
                    + " an unchanged map is answered 304 Not Modified without a body.")
    @ApiResponse(
            responseCode = "200",
            description = "The seat map",
            content = @Content(schema = @Schema(implementation = SeatMap.class)))
    @ApiResponse(
            responseCode = "304",
            description = "Not modified since the version named in If-None-Match (no body)",
            content = @Content)
    ResponseEntity<byte[]> seatMap(
            @PathVariable @Size(max = 64) String screeningId,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        SeatMap map = queries.query(new FindSeatMapQuery(screeningId), ResponseTypes.optionalInstanceOf(SeatMap.class))
                .join()
                .orElseThrow(() -> notFound(screeningId));
        SeatMapJson.Written written = json.of(map);
        String etag = written.etag();
        // A list of tags, or a weak one (W/"…"), names this one if it contains it quoted (RFC 9110's
        // weak comparison, which If-None-Match uses).
        if (ifNoneMatch != null && (ifNoneMatch.trim().equals("*") || ifNoneMatch.contains(etag))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .eTag(etag)
                .body(written.json());
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

        // Updates emitted between subscribing and the initial query are buffered by Axon and may
        // be older than the initial map: only ever send a newer version than the last one sent.
        // Each update is a whole map, so a slow client only ever needs the latest one.
        AtomicLong lastSent = new AtomicLong(Long.MIN_VALUE);
        return streams.open(
                LiveStreams.SEAT_MAPS,
                subscription,
                initial,
                (emitter, map) -> send(emitter, map, lastSent),
                Flux::onBackpressureLatest,
                streamTimeout,
                keepAlive);
    }

    private static void send(SseEmitter emitter, SeatMap map, AtomicLong lastSent) throws IOException {
        if (map.version() <= lastSent.get()) {
            return;
        }
        emitter.send(SseEmitter.event()
                .name("seat-map")
                .id(Long.toString(map.version()))
                .data(map, MediaType.APPLICATION_JSON));
        lastSent.set(map.version());
    }

    private static Refusal notFound(String screeningId) {
        return new Refusal("seat-map-not-found", null, "No seat map for screening " + screeningId);
    }
}
