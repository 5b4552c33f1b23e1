package dev.cinema.query.analytics;

import dev.cinema.contracts.analytics.AnalyticsGrouping;
import dev.cinema.contracts.analytics.AnalyticsPeriod;
import dev.cinema.contracts.analytics.FindOccupancyQuery;
import dev.cinema.contracts.analytics.FindRefundsQuery;
import dev.cinema.contracts.analytics.FindSalesQuery;
import dev.cinema.contracts.analytics.OccupancyReport;
import dev.cinema.contracts.analytics.RefundReport;
import dev.cinema.contracts.analytics.SalesReport;
import dev.cinema.platform.openapi.ApiAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For analysts: sales, occupancy and refunds of a period, grouped by film, cinema, location or local
 * day, as JSON or CSV. A report whose projection is still being built from the event store (a new
 * projection backfilling, or one rebuilt) is a 503 with its progress, never an empty answer that
 * would read as "no sales".
 */
@RestController
@RequestMapping("/api/analytics")
@Tag(
        name = "Analytics",
        description = "Sales, occupancy and refunds by film, cinema, location or day (ANALYST or ADMIN)")
@PreAuthorize("hasAnyRole('ANALYST','ADMIN')")
class AnalyticsController {

    static final String CSV = "text/csv";

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String FROM = "The first day (ISO-8601 date, a local day in each cinema's zone) or instant"
            + " of the period, included. Without from and to: the last 30 days up to now (as instants); with"
            + " only one of them: 30 days from or up to it";
    private static final String TO =
            "The day or instant after the period, excluded; of the same kind as from." + " At most 366 days after from";
    private static final String GROUP_BY =
            "film, cinema, location, or day (the local day in each cinema's own zone); one row per group"
                    + " (and currency, where there is money)";
    private static final String FORMAT = "json (default) or csv; without format, an Accept header that asks for"
            + " text/csv and not application/json gets CSV too";
    private static final String CATCHING_UP = "The report's projection is still reading the event store"
            + " (projection-catching-up): a new report backfilling from the first event, or one being rebuilt;"
            + " progress says how far it has read. Ask again after Retry-After";

    /** The extra member of a 503 while the projection catches up. */
    record CatchingUp(AnalyticsReadiness.Progress progress) {}

    private final QueryGateway queries;
    private final AnalyticsReadiness readiness;
    private final AnalyticsPeriods periods;

    AnalyticsController(QueryGateway queries, AnalyticsReadiness readiness, AnalyticsPeriods periods) {
        this.queries = queries;
        this.readiness = readiness;
        this.periods = periods;
    }

    @GetMapping(
            value = "/sales",
            produces = {JSON, CSV})
    @Operation(
            summary = "Confirmed sales: bookings paid, their seats and what was paid, per group and currency",
            description = "A sale is a booking that was paid, counted at the instant of its payment (day: the local"
                    + " day of the payment in the cinema's zone). Gross: seats returned later are not taken off"
                    + " (see /api/analytics/refunds); a payment that came after its hold ran out was refunded at"
                    + " once and is no sale.")
    @ApiResponse(
            responseCode = "200",
            description = "One row per group and currency (CSV: key,label,currency,bookings,seats,grossMinor)",
            content = {
                @Content(mediaType = JSON, schema = @Schema(implementation = SalesReport.class)),
                @Content(mediaType = CSV, schema = @Schema(type = "string", description = "RFC 4180, with a header"))
            })
    @ApiAnswer(status = 503, when = CATCHING_UP, body = CatchingUp.class)
    ResponseEntity<Object> sales(
            @RequestParam(required = false) @Size(max = 40) @Parameter(description = FROM) String from,
            @RequestParam(required = false) @Size(max = 40) @Parameter(description = TO) String to,
            @RequestParam(defaultValue = "day")
                    @Pattern(regexp = "film|cinema|location|day")
                    @Parameter(
                            description = GROUP_BY,
                            schema = @Schema(allowableValues = {"film", "cinema", "location", "day"}))
                    String groupBy,
            @RequestParam(required = false)
                    @Pattern(regexp = "json|csv")
                    @Parameter(description = FORMAT, schema = @Schema(allowableValues = {"json", "csv"}))
                    String format,
            HttpServletRequest request) {
        AnalyticsPeriod period = periods.of(from, to);
        readiness.requireCaughtUp(SalesProjection.PROJECTION, SalesProjection.NAME);
        SalesReport report = queries.query(
                        new FindSalesQuery(period, grouping(groupBy)), ResponseTypes.instanceOf(SalesReport.class))
                .join();
        return answer("sales", report, period, format, request, ReportCsv::sales);
    }

    @GetMapping(
            value = "/occupancy",
            produces = {JSON, CSV})
    @Operation(
            summary = "Occupancy: seats sold now against capacity of the screenings of a period, per group",
            description = "A screening counts in the period its start is in (day: the local day of its start, as"
                    + " last rescheduled, in the cinema's zone). Seats sold are those sold and not returned or"
                    + " refunded since; capacity is the sellable seats of the screening's layout. Cancelled"
                    + " screenings are counted apart (cancelledScreenings) and left out of seats and capacity;"
                    + " occupancyPercent is null when every screening of a group was cancelled. Without a period,"
                    + " the screenings that started in the last 30 days, whose occupancy is final.")
    @ApiResponse(
            responseCode = "200",
            description = "One row per group (CSV:"
                    + " key,label,screenings,cancelledScreenings,seatsSold,capacity,occupancyPercent)",
            content = {
                @Content(mediaType = JSON, schema = @Schema(implementation = OccupancyReport.class)),
                @Content(mediaType = CSV, schema = @Schema(type = "string", description = "RFC 4180, with a header"))
            })
    @ApiAnswer(status = 503, when = CATCHING_UP, body = CatchingUp.class)
    ResponseEntity<Object> occupancy(
            @RequestParam(required = false) @Size(max = 40) @Parameter(description = FROM) String from,
            @RequestParam(required = false) @Size(max = 40) @Parameter(description = TO) String to,
            @RequestParam(defaultValue = "day")
                    @Pattern(regexp = "film|cinema|location|day")
                    @Parameter(
                            description = GROUP_BY,
                            schema = @Schema(allowableValues = {"film", "cinema", "location", "day"}))
                    String groupBy,
            @RequestParam(required = false)
                    @Pattern(regexp = "json|csv")
                    @Parameter(description = FORMAT, schema = @Schema(allowableValues = {"json", "csv"}))
                    String format,
            HttpServletRequest request) {
        AnalyticsPeriod period = periods.of(from, to);
        readiness.requireCaughtUp(OccupancyProjection.PROJECTION, OccupancyProjection.NAME);
        OccupancyReport report = queries.query(
                        new FindOccupancyQuery(period, grouping(groupBy)),
                        ResponseTypes.instanceOf(OccupancyReport.class))
                .join();
        return answer("occupancy", report, period, format, request, ReportCsv::occupancy);
    }

    @GetMapping(
            value = "/refunds",
            produces = {JSON, CSV})
    @Operation(
            summary = "Refunds: completed ones with the seats and money they gave back, and those still open, per"
                    + " group and currency",
            description = "Refunds of seats of paid bookings: customers' returns and the settlement of cancelled"
                    + " screenings. A completed refund counts at the instant it completed; one not completed"
                    + " (pending: requested or approved; failed: waiting to be tried again; rejected: the policy"
                    + " gave nothing back) at the instant it was requested. Day: the local day of that instant in"
                    + " the cinema's zone.")
    @ApiResponse(
            responseCode = "200",
            description = "One row per group and currency (CSV:"
                    + " key,label,currency,completed,seatsReturned,refundedMinor,pending,failed,rejected)",
            content = {
                @Content(mediaType = JSON, schema = @Schema(implementation = RefundReport.class)),
                @Content(mediaType = CSV, schema = @Schema(type = "string", description = "RFC 4180, with a header"))
            })
    @ApiAnswer(status = 503, when = CATCHING_UP, body = CatchingUp.class)
    ResponseEntity<Object> refunds(
            @RequestParam(required = false) @Size(max = 40) @Parameter(description = FROM) String from,
            @RequestParam(required = false) @Size(max = 40) @Parameter(description = TO) String to,
            @RequestParam(defaultValue = "day")
                    @Pattern(regexp = "film|cinema|location|day")
                    @Parameter(
                            description = GROUP_BY,
                            schema = @Schema(allowableValues = {"film", "cinema", "location", "day"}))
                    String groupBy,
            @RequestParam(required = false)
                    @Pattern(regexp = "json|csv")
                    @Parameter(description = FORMAT, schema = @Schema(allowableValues = {"json", "csv"}))
                    String format,
            HttpServletRequest request) {
        AnalyticsPeriod period = periods.of(from, to);
        readiness.requireCaughtUp(RefundProjection.PROJECTION, RefundProjection.NAME);
        RefundReport report = queries.query(
                        new FindRefundsQuery(period, grouping(groupBy)), ResponseTypes.instanceOf(RefundReport.class))
                .join();
        return answer("refunds", report, period, format, request, ReportCsv::refunds);
    }

    private static AnalyticsGrouping grouping(String groupBy) {
        return AnalyticsGrouping.valueOf(groupBy.toUpperCase(Locale.ROOT));
    }

    private static <R> ResponseEntity<Object> answer(
            String name,
            R report,
            AnalyticsPeriod period,
            String format,
            HttpServletRequest request,
            Function<R, String> csv) {
        if (!wantsCsv(format, request.getHeader(HttpHeaders.ACCEPT))) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + name + "-" + fileDate(period.fromText()) + "-"
                                + fileDate(period.toText()) + ".csv\"")
                .body(csv.apply(report));
    }

    /** format=csv; or no format and an Accept header that asks for CSV and not for JSON. */
    static boolean wantsCsv(String format, String accept) {
        if (format != null) {
            return format.equals("csv");
        }
        if (accept == null) {
            return false;
        }
        boolean csv = false;
        boolean json = false;
        for (MediaType type : MediaType.parseMediaTypes(accept)) {
            if (type.getQualityValue() > 0) {
                csv |= type.equalsTypeAndSubtype(MediaType.valueOf(CSV));
                json |= type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON);
            }
        }
        return csv && !json;
    }

    private static String fileDate(String text) {
        return text.length() >= 10 ? text.substring(0, 10) : text;
    }
}
