package dev.cinema.query.payment;

import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentCapturedEvent;
import dev.cinema.contracts.payment.PaymentDeclinedEvent;
import dev.cinema.contracts.payment.PaymentRefundedEvent;
import dev.cinema.contracts.payment.PaymentRequestedEvent;
import dev.cinema.contracts.payment.PaymentStatus;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Folds payments into a history of entries: one PAYMENT entry per payment, created when it is
 * requested and updated when the provider captures or declines it, and one REFUND entry per
 * refund. Each event carries the payment's booking, customer and amount, so every handler writes
 * its whole entry (an upsert keyed by payment and kind): an event delivered twice, or a payment
 * whose request is folded after its answer, ends in the same rows. Totals are not kept here: they
 * are summed from the entries when asked, so they cannot drift from them.
 */
@Component
@ProcessingGroup(PaymentHistoryProjection.NAME)
class PaymentHistoryProjection {

    static final String NAME = "query-payment-history";

    private final PaymentHistoryRows entries;

    PaymentHistoryProjection(PaymentHistoryRows entries) {
        this.entries = entries;
    }

    @EventHandler
    void on(PaymentRequestedEvent event, @Timestamp Instant at) {
        String paymentId = event.paymentId().value();
        if (entries.existsById(new PaymentHistoryKey(paymentId, EntryKind.PAYMENT, PaymentHistoryKey.PAYMENT_ENTRY))) {
            // A second delivery: the provider may have answered since, which must not be undone.
            return;
        }
        PaymentHistoryRow row = new PaymentHistoryRow(paymentId, EntryKind.PAYMENT, PaymentHistoryKey.PAYMENT_ENTRY);
        write(
                row,
                event.bookingId().value(),
                event.customerId().value(),
                event.amount(),
                PaymentStatus.REQUESTED,
                null,
                null,
                at);
    }

    @EventHandler
    void on(PaymentCapturedEvent event, @Timestamp Instant at) {
        write(
                entry(event.paymentId().value(), EntryKind.PAYMENT, PaymentHistoryKey.PAYMENT_ENTRY),
                event.bookingId().value(),
                event.customerId().value(),
                event.amount(),
                PaymentStatus.CAPTURED,
                event.pspReference(),
                null,
                at);
    }

    @EventHandler
    void on(PaymentDeclinedEvent event, @Timestamp Instant at) {
        write(
                entry(event.paymentId().value(), EntryKind.PAYMENT, PaymentHistoryKey.PAYMENT_ENTRY),
                event.bookingId().value(),
                event.customerId().value(),
                event.amount(),
                PaymentStatus.DECLINED,
                null,
                event.reason(),
                at);
    }

    /** The payment's own entry keeps CAPTURED: it was paid, and stays counted as paid; the refund is its own entry. */
    @EventHandler
    void on(PaymentRefundedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        // One entry per refund: a payment refunded in two steps has two.
        write(
                entry(event.paymentId().value(), EntryKind.REFUND, eventId),
                event.bookingId().value(),
                event.customerId().value(),
                event.amount(),
                PaymentStatus.REFUNDED,
                event.pspRefundReference(),
                event.reason(),
                at);
    }

    /** A replay starts from an empty history. */
    @ResetHandler
    void reset() {
        entries.deleteAllInBatch();
    }

    private PaymentHistoryRow entry(String paymentId, EntryKind kind, String entryId) {
        return entries.findById(new PaymentHistoryKey(paymentId, kind, entryId))
                .orElseGet(() -> new PaymentHistoryRow(paymentId, kind, entryId));
    }

    private void write(
            PaymentHistoryRow row,
            String bookingId,
            String customerId,
            Money amount,
            PaymentStatus status,
            String pspReference,
            String reason,
            Instant at) {
        row.bookingId = bookingId;
        row.customerId = customerId;
        row.amountMinor = amount.amountMinor();
        row.currency = amount.currency();
        row.status = status;
        row.pspReference = clip(pspReference, PaymentHistoryRow.REFERENCE_LENGTH);
        row.reason = clip(reason, PaymentHistoryRow.REASON_LENGTH);
        row.at = at;
        entries.save(row);
    }

    /**
     * References and reasons come from the payment provider, whose lengths we do not control: an
     * over-long one is shortened rather than left to stop the projection for good.
     */
    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
