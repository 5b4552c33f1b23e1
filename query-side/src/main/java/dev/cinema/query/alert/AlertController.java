package dev.cinema.query.alert;

import dev.cinema.contracts.alert.AlertNotice;
import dev.cinema.contracts.alert.AlertPage;
import dev.cinema.contracts.alert.FindAlertsQuery;
import dev.cinema.contracts.alert.WatchAlertsQuery;
import dev.cinema.platform.security.Caller;
import dev.cinema.query.listing.PagingParameters;
import dev.cinema.query.live.LiveStreams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.time.Duration;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The caller's own alerts, once or live. Whoever asks, the answer is about the token's account only. */
@RestController
@RequestMapping("/api/me/alerts")
@Tag(
        name = "My alerts",
        description = "The caller's inbox, once or live (token required); mark read on the command API")
class AlertController {

    private static final Duration INITIAL_RESULT_TIMEOUT = Duration.ofSeconds(30);
    /** Alerts are never dropped for a slow client; past this many waiting, its stream ends and it reconnects. */
    private static final int MAX_WAITING_UPDATES = 1_000;

    private final QueryGateway queries;
    private final LiveStreams streams;
    private final Duration streamTimeout;
    private final Duration keepAlive;

    AlertController(QueryGateway queries, LiveStreams streams, AlertStreamProperties properties) {
        this.queries = queries;
        this.streams = streams;
        this.streamTimeout = properties.streamTimeout();
        this.keepAlive = properties.keepAlive();
    }

    /** The unread count, as the stream sends it. */
    record UnreadCount(long unreadCount) {}

    @GetMapping
    @Operation(
            summary = "The caller's alerts, newest first, with the number of unread ones",
            description = "Each alert's text is written in the cinema's time zone. unread=true lists only the "
                    + "unread ones; unreadCount always counts all of them.")
    AlertPage alerts(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PagingParameters.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PagingParameters.MAX_SIZE) int size) {
        return queries.query(
                        new FindAlertsQuery(Caller.from(jwt).accountId(), unread, page, size),
                        ResponseTypes.instanceOf(AlertPage.class))
                .join();
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "The caller's inbox live, as Server-Sent Events",
            description = "First an unread-count event ({\"unreadCount\": n}); then, for each new alert, an alert "
                    + "event (id = the alert's id, data = the alert as GET /api/me/alerts lists it) followed by an "
                    + "unread-count event, and an unread-count event whenever alerts are read. A comment "
                    + "(keep-alive) every 20 s by default. The stream ends after the configured timeout (30 minutes "
                    + "by default) or when the server stops; reconnect to go on.")
    SseEmitter stream(@AuthenticationPrincipal Jwt jwt) {
        SubscriptionQueryResult<AlertNotice, AlertNotice> subscription = queries.subscriptionQuery(
                new WatchAlertsQuery(Caller.from(jwt).accountId()),
                ResponseTypes.instanceOf(AlertNotice.class),
                ResponseTypes.instanceOf(AlertNotice.class));
        AlertNotice initial;
        try {
            initial = subscription.initialResult().block(INITIAL_RESULT_TIMEOUT);
        } catch (RuntimeException e) {
            subscription.cancel();
            throw e;
        }
        return streams.open(
                LiveStreams.INBOXES,
                subscription,
                initial,
                AlertController::send,
                updates -> updates.onBackpressureBuffer(MAX_WAITING_UPDATES),
                streamTimeout,
                keepAlive);
    }

    private static void send(SseEmitter emitter, AlertNotice notice) throws IOException {
        if (notice.alert() != null) {
            emitter.send(SseEmitter.event()
                    .name("alert")
                    .id(notice.alert().alertId())
                    .data(notice.alert(), MediaType.APPLICATION_JSON));
        }
        emitter.send(SseEmitter.event()
                .name("unread-count")
                .data(new UnreadCount(notice.unreadCount()), MediaType.APPLICATION_JSON));
    }
}
