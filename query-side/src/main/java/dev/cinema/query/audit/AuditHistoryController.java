package dev.cinema.query.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.contracts.listing.PageInfo;
import dev.cinema.platform.refusal.Refusal;
import dev.cinema.query.booking.BookingState;
import dev.cinema.query.listing.PagingParameters;
import dev.cinema.query.payment.PaymentState;
import dev.cinema.query.payment.RefundState;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For auditors: the history of any stream straight from the event store, and the state of a
 * payment, refund or booking as of any instant.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(
        name = "Audit",
        description =
                "Event history, state as of an instant, payment histories, exports, integrity and reconciliation (AUDITOR or ADMIN)")
@PreAuthorize("hasAnyRole('AUDITOR','ADMIN')")
class AuditHistoryController {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private final StoredEvents store;
    private final AuditStates states;
    private final ObjectMapper json;
    private final Clock clock;

    AuditHistoryController(StoredEvents store, AuditStates states, ObjectMapper json, Clock clock) {
        this.store = store;
        this.states = states;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/events/{aggregateId}")
    @Operation(
            summary = "The full event history of a stream (a payment, refund, booking or any other aggregate)",
            description = "Read from the event store itself, in sequence order, never through a snapshot: each event's"
                    + " sequence, global position, type, revision, instant, payload and metadata as stored, with who"
                    + " sent the command that caused it (sentBy), its correlation and trace ids.")
    HistoryPage events(
            @PathVariable @Size(max = 255) String aggregateId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PagingParameters.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PagingParameters.MAX_SIZE) int size) {
        long total = store.count(aggregateId);
        if (total == 0) {
            throw new Refusal("stream-not-found", null, "No events are stored for " + aggregateId);
        }
        List<HistoryEntry> items =
                store.page(aggregateId, page, size).stream().map(this::entry).toList();
        return new HistoryPage(aggregateId, items, new PageInfo(page, size, total, (int) ((total + size - 1) / size)));
    }

    @GetMapping("/payments/{paymentId}/state")
    @Operation(
            summary = "A payment as of an instant",
            description = "Its events up to and including asOf (default: now), folded as the payment history folds"
                    + " them. Not found before its first event.")
    StateAsOf<PaymentState> payment(
            @PathVariable @Size(max = 255) String paymentId,
            @RequestParam(required = false) @Parameter(description = "ISO-8601 instant, e.g. 2026-05-01T18:30:00Z")
                    Instant asOf) {
        return states.payment(paymentId, asOf == null ? clock.instant() : asOf);
    }

    @GetMapping("/refunds/{refundId}/state")
    @Operation(
            summary = "A refund as of an instant",
            description = "Its events up to and including asOf (default: now), folded. Not found before its first"
                    + " event.")
    StateAsOf<RefundState> refund(
            @PathVariable @Size(max = 255) String refundId,
            @RequestParam(required = false) @Parameter(description = "ISO-8601 instant, e.g. 2026-05-01T18:30:00Z")
                    Instant asOf) {
        return states.refund(refundId, asOf == null ? clock.instant() : asOf);
    }

    @GetMapping("/bookings/{bookingId}/state")
    @Operation(
            summary = "A booking as of an instant",
            description = "Its own events up to and including asOf (default: now), folded as the customer's bookings"
                    + " fold them. Not found before its first event.")
    StateAsOf<BookingState> booking(
            @PathVariable @Size(max = 255) String bookingId,
            @RequestParam(required = false) @Parameter(description = "ISO-8601 instant, e.g. 2026-05-01T18:30:00Z")
                    Instant asOf) {
        return states.booking(bookingId, asOf == null ? clock.instant() : asOf);
    }

    private HistoryEntry entry(StoredEvent event) {
        Map<String, Object> metadata = object(event.metadata());
        return new HistoryEntry(
                event.sequence(),
                event.globalIndex(),
                event.aggregateType(),
                event.simpleType(),
                event.payloadType(),
                event.payloadRevision(),
                event.eventId(),
                event.timestamp(),
                object(event.payload()),
                metadata,
                text(metadata.get("sentBy")),
                text(metadata.get("correlationId")),
                text(metadata.get("traceId")));
    }

    /** Stored JSON as an object; anything else (an edited row) as its text under "unreadable". */
    private Map<String, Object> object(byte[] stored) {
        if (stored == null || stored.length == 0) {
            return Map.of();
        }
        try {
            return json.readValue(stored, OBJECT);
        } catch (IOException e) {
            Map<String, Object> unreadable = new LinkedHashMap<>();
            unreadable.put("unreadable", new String(stored, StandardCharsets.UTF_8));
            return unreadable;
        }
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
