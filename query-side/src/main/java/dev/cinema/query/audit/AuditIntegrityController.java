package dev.cinema.query.audit;

import dev.cinema.contracts.listing.PageInfo;
import dev.cinema.platform.openapi.ApiAnswer;
import dev.cinema.platform.refusal.Refusal;
import dev.cinema.platform.security.Caller;
import dev.cinema.query.listing.PagingParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For auditors: is the history intact? The hash chain checked, signed checkpoints of it, and the
 * read models reconciled with the events.
 */
@RestController
@RequestMapping("/api/audit")
@Tag(
        name = "Audit",
        description =
                "Event history, state as of an instant, payment histories, exports, integrity and reconciliation (AUDITOR or ADMIN)")
@PreAuthorize("hasAnyRole('AUDITOR','ADMIN')")
class AuditIntegrityController {

    private final IntegrityCheck integrity;
    private final Checkpoints checkpoints;
    private final Reconciliation reconciliation;

    AuditIntegrityController(IntegrityCheck integrity, Checkpoints checkpoints, Reconciliation reconciliation) {
        this.integrity = integrity;
        this.checkpoints = checkpoints;
        this.reconciliation = reconciliation;
    }

    @GetMapping("/integrity")
    @Operation(
            summary = "Checks the hash chain of every payment, refund and booking stream",
            description = "Every chained event whose instant is in the period (all of them without from and to) is"
                    + " checked against its content and the link before it, gaps in sequence numbers are found, and"
                    + " each stream is held against the head the latest checkpoint signed (a stream cut short"
                    + " after it). Answers the number of events and streams checked and the first broken link, or"
                    + " none; the checkpoints' own signatures are checked too.")
    IntegrityReport integrity(
            @RequestParam(required = false) @Parameter(description = "ISO-8601 instant, included") Instant from,
            @RequestParam(required = false) @Parameter(description = "ISO-8601 instant, excluded") Instant to) {
        return integrity.check(AuditPeriod.of(from, to));
    }

    @GetMapping("/events/{aggregateId}/integrity")
    @Operation(
            summary = "Checks the hash chain of one payment, refund or booking stream",
            description = "The whole stream, against the head the latest checkpoint signed. Not found when nothing of"
                    + " the stream is known; a stream whose events carry no chain (screenings, the catalogue,"
                    + " accounts) is a 409.")
    @ApiAnswer(status = 409, when = "The stream's aggregate is not one whose events are chained")
    IntegrityReport streamIntegrity(@PathVariable @Size(max = 255) String aggregateId) {
        return integrity.checkStream(aggregateId);
    }

    @GetMapping("/checkpoints")
    @Operation(summary = "Signed checkpoints of the event chain, newest first")
    CheckpointPage checkpoints(
            @RequestParam(defaultValue = "0") @Min(0) @Max(PagingParameters.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PagingParameters.MAX_SIZE) int size) {
        long total = checkpoints.count();
        return new CheckpointPage(
                checkpoints.page(page, size), new PageInfo(page, size, total, (int) ((total + size - 1) / size)));
    }

    @GetMapping("/checkpoints/{number}")
    @Operation(summary = "One signed checkpoint of the event chain")
    CheckpointView checkpoint(@PathVariable @Size(max = 64) String number) {
        // Anything but a checkpoint's number names no checkpoint: not found, like an unknown number.
        return (number.matches("[0-9]{1,18}")
                        ? checkpoints.find(Long.parseLong(number))
                        : java.util.Optional.<CheckpointView>empty())
                .orElseThrow(() -> new Refusal("checkpoint-not-found", null, "No checkpoint " + number));
    }

    @PostMapping("/checkpoints")
    @Operation(
            summary = "Signs the head of every chained stream now",
            description = "Checkpoints are also made by themselves (cinema.audit.checkpoint-interval, hourly). Each"
                    + " records the streams whose head moved since the one before it and is signed, with a key kept"
                    + " outside the database, over them and the checkpoint before it.")
    @ApiAnswer(status = 201, when = "Signed; Location points at the checkpoint")
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    ResponseEntity<CheckpointView> createCheckpoint(@AuthenticationPrincipal Jwt jwt) {
        CheckpointView checkpoint = checkpoints.create(Caller.from(jwt).accountId());
        return ResponseEntity.created(URI.create("/api/audit/checkpoints/" + checkpoint.number()))
                .body(checkpoint);
    }

    @GetMapping("/reconciliation")
    @Operation(
            summary = "Replays every payment, refund and booking and holds them against the read models",
            description = "Each payment folded from its events against the payment history, each booking against"
                    + " what its customer is shown, and the money of each booking: captured less refunded must be"
                    + " what the booking keeps (its seats while confirmed) plus what refund policies kept. Answers"
                    + " every difference; none in a healthy system. readModelsCaughtUp says whether the"
                    + " projections had read every event when it began (if not, a difference may only be lag).")
    ReconciliationReport reconciliation() {
        return reconciliation.reconcile();
    }
}
