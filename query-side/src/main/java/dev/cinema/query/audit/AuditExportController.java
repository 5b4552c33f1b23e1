package dev.cinema.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For auditors: every payment and refund event of a period, streamed, and the period's totals. */
@RestController
@RequestMapping("/api/audit")
@Tag(
        name = "Audit",
        description =
                "Event history, state as of an instant, payment histories, exports, integrity and reconciliation (AUDITOR or ADMIN)")
@PreAuthorize("hasAnyRole('AUDITOR','ADMIN')")
class AuditExportController {

    static final String CHECKPOINT_HEADER = "Audit-Checkpoint";

    private final EventExport export;
    private final Checkpoints checkpoints;
    private final AuditProperties properties;

    AuditExportController(EventExport export, Checkpoints checkpoints, AuditProperties properties) {
        this.export = export;
        this.checkpoints = checkpoints;
        this.properties = properties;
    }

    @GetMapping(
            value = "/export",
            produces = {EventExport.NDJSON, EventExport.CSV})
    @Operation(
            summary = "Every payment and refund event of a period, in global order, streamed",
            description = "One line per event: its global position, instant, stream, type, identifier and sender, then"
                    + " its payload flattened (ids as their value; each money field x as xMinor and xCurrency)."
                    + " format=ndjson (default) ends with a summary line {\"summary\": ...}: the event count and, per"
                    + " currency, captured, refunded and net, with the latest signed checkpoint of the event chain,"
                    + " as /api/audit/totals answers it; format=csv starts with a header of every column. from is"
                    + " included, to is not; a period may cover at most cinema.audit.export-max-period (one year)."
                    + " Streamed as it is read, in constant memory, whatever the period holds.")
    @ApiResponse(
            responseCode = "200",
            description = "The events, as they are read",
            headers =
                    @Header(
                            name = CHECKPOINT_HEADER,
                            description = "The latest signed checkpoint when the export began: number;signature"
                                    + " (absent before the first checkpoint)",
                            schema = @Schema(type = "string")),
            content = {
                @Content(
                        mediaType = EventExport.NDJSON,
                        schema =
                                @Schema(
                                        type = "string",
                                        description = "One JSON object per line; the last line is the summary")),
                @Content(
                        mediaType = EventExport.CSV,
                        schema = @Schema(type = "string", description = "RFC 4180, with a header line"))
            })
    void export(
            @RequestParam @Parameter(description = "ISO-8601 instant, included") Instant from,
            @RequestParam @Parameter(description = "ISO-8601 instant, excluded") Instant to,
            @RequestParam(defaultValue = "ndjson") @Pattern(regexp = "ndjson|csv") String format,
            HttpServletResponse response)
            throws IOException {
        AuditPeriod period = AuditPeriod.of(from, to, properties.exportMaxPeriod());
        CheckpointView checkpoint = checkpoints.latest().orElse(null);
        boolean csv = "csv".equals(format);
        response.setContentType((csv ? EventExport.CSV : EventExport.NDJSON) + ";charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"payments-" + day(from) + "-" + day(to) + (csv ? ".csv" : ".ndjson") + "\"");
        if (checkpoint != null) {
            response.setHeader(CHECKPOINT_HEADER, checkpoint.number() + ";" + checkpoint.signature());
        }
        export.write(period, format, response.getOutputStream(), checkpoint);
    }

    @GetMapping("/totals")
    @Operation(
            summary = "The totals of a period's payment and refund events",
            description = "What an NDJSON export of the same period ends with: the event count and, per currency,"
                    + " captured, refunded and net (integer minor units), with the latest signed checkpoint.")
    ExportSummary totals(
            @RequestParam @Parameter(description = "ISO-8601 instant, included") Instant from,
            @RequestParam @Parameter(description = "ISO-8601 instant, excluded") Instant to) {
        AuditPeriod period = AuditPeriod.of(from, to, properties.exportMaxPeriod());
        return export.totals(period, checkpoints.latest().orElse(null));
    }

    private static String day(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(
                instant.truncatedTo(ChronoUnit.DAYS).atZone(java.time.ZoneOffset.UTC));
    }
}
