package dev.cinema.query.analytics;

import dev.cinema.contracts.analytics.OccupancyReport;
import dev.cinema.contracts.analytics.OccupancyRow;
import dev.cinema.contracts.analytics.RefundReport;
import dev.cinema.contracts.analytics.RefundRow;
import dev.cinema.contracts.analytics.SalesReport;
import dev.cinema.contracts.analytics.SalesRow;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reports as CSV (RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a comma,
 * a quote or a line break): a header line, then one line per group and currency, money in integer
 * minor units beside its currency, as the JSON rows have them.
 */
final class ReportCsv {

    private ReportCsv() {}

    static String sales(SalesReport report) {
        return csv(
                List.of("key", "label", "currency", "bookings", "seats", "grossMinor"),
                report.rows().stream().map(ReportCsv::line));
    }

    static String occupancy(OccupancyReport report) {
        return csv(
                List.of(
                        "key",
                        "label",
                        "screenings",
                        "cancelledScreenings",
                        "seatsSold",
                        "capacity",
                        "occupancyPercent"),
                report.rows().stream().map(ReportCsv::line));
    }

    static String refunds(RefundReport report) {
        return csv(
                List.of(
                        "key",
                        "label",
                        "currency",
                        "completed",
                        "seatsReturned",
                        "refundedMinor",
                        "pending",
                        "failed",
                        "rejected"),
                report.rows().stream().map(ReportCsv::line));
    }

    private static List<Object> line(SalesRow row) {
        return List.of(
                row.key(),
                row.label(),
                row.gross().currency(),
                row.bookings(),
                row.seats(),
                row.gross().amountMinor());
    }

    private static List<Object> line(OccupancyRow row) {
        return List.of(
                row.key(),
                row.label(),
                row.screenings(),
                row.cancelledScreenings(),
                row.seatsSold(),
                row.capacity(),
                row.occupancyPercent() == null ? "" : row.occupancyPercent());
    }

    private static List<Object> line(RefundRow row) {
        return List.of(
                row.key(),
                row.label(),
                row.refunded().currency(),
                row.completed(),
                row.seatsReturned(),
                row.refunded().amountMinor(),
                row.pending(),
                row.failed(),
                row.rejected());
    }

    private static String csv(List<String> header, Stream<List<Object>> lines) {
        StringBuilder csv = new StringBuilder();
        append(csv, List.copyOf(header));
        lines.forEach(line -> append(csv, line));
        return csv.toString();
    }

    private static void append(StringBuilder csv, List<?> fields) {
        csv.append(fields.stream().map(ReportCsv::field).collect(Collectors.joining(",")))
                .append("\r\n");
    }

    static String field(Object value) {
        String text = String.valueOf(value);
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
