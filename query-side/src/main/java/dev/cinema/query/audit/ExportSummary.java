package dev.cinema.query.audit;

import java.time.Instant;
import java.util.List;

/**
 * The totals of a period's payment and refund events: the last line of an NDJSON export, and the
 * answer of {@code /api/audit/totals}. Amounts are integer minor units.
 *
 * @param events     payment and refund events in the period
 * @param totals     per currency: captured (PaymentCapturedEvent), refunded (PaymentRefundedEvent)
 *                   and their difference
 * @param checkpoint the latest signed checkpoint of the event chain when the export was made; null
 *                   before the first
 */
record ExportSummary(Instant from, Instant to, long events, List<CurrencyTotals> totals, CheckpointView checkpoint) {

    record CurrencyTotals(String currency, long capturedMinor, long refundedMinor, long netMinor) {}
}
