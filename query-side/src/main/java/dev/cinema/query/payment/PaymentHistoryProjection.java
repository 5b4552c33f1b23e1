package dev.cinema.query.payment;

import dev.cinema.contracts.payment.PaymentCapturedEvent;
import dev.cinema.contracts.payment.PaymentDeclinedEvent;
import dev.cinema.contracts.payment.PaymentRefundedEvent;
import dev.cinema.contracts.payment.PaymentRequestedEvent;
import dev.cinema.query.rebuild.Rebuildable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * Folds payments into a history of entries: one PAYMENT entry per payment, created when it is
 * requested and updated when the provider captures or declines it, and one REFUND entry per
 * refund. What each event means is {@link PaymentState}'s to say (the same fold auditors replay):
 * the payment is read back from its entries, the event applied, and the entries written as the
 * state shows them. Each event carries the payment's booking, customer and amount, and the fold
 * ignores repetitions, so an event delivered twice, or a payment whose request is folded after its
 * answer, ends in the same rows. Totals are not kept here: they are summed from the entries when
 * asked, so they cannot drift from them.
 */
@Component
@Rebuildable(
        name = "payment-history",
        tables = {"payment_history_entry"})
@ProcessingGroup(PaymentHistoryProjection.NAME)
class PaymentHistoryProjection {

    static final String NAME = "query-payment-history";

    private final PaymentHistoryRows entries;

    PaymentHistoryProjection(PaymentHistoryRows entries) {
        this.entries = entries;
    }

    @EventHandler
    void on(PaymentRequestedEvent event, @Timestamp Instant at) {
        fold(event.paymentId().value(), payment -> payment.on(event, at));
    }

    @EventHandler
    void on(PaymentCapturedEvent event, @Timestamp Instant at) {
        fold(event.paymentId().value(), payment -> payment.on(event, at));
    }

    @EventHandler
    void on(PaymentDeclinedEvent event, @Timestamp Instant at) {
        fold(event.paymentId().value(), payment -> payment.on(event, at));
    }

    /** The payment's own entry keeps CAPTURED: it was paid, and stays counted as paid; the refund is its own entry. */
    @EventHandler
    void on(PaymentRefundedEvent event, @Timestamp Instant at, @MessageIdentifier String eventId) {
        // One entry per refund: a payment refunded in two steps has two.
        fold(event.paymentId().value(), payment -> payment.on(event, at, eventId));
    }

    /** A replay starts from an empty history. */
    @ResetHandler
    void reset() {
        entries.deleteAllInBatch();
    }

    /**
     * Folds a payment's event with {@link PaymentState} (what the event means is said there once,
     * for this read model and for auditors alike): the payment as its entries show it, the event
     * applied, and every entry written as the state says.
     */
    private void fold(String paymentId, UnaryOperator<PaymentState> change) {
        Map<PaymentHistoryKey, PaymentHistoryRow> rows = new LinkedHashMap<>();
        entries.findByKeyPaymentId(paymentId).forEach(row -> rows.put(row.key, row));
        PaymentState payment = change.apply(PaymentHistoryRow.state(paymentId, rows.values()));
        payment.keyedHistoryEntries().forEach((key, entry) -> {
            PaymentHistoryRow row = rows.get(key);
            if (row == null) {
                row = new PaymentHistoryRow(key.paymentId, key.kind, key.entryId);
                row.show(entry);
                entries.save(row);
            } else {
                row.show(entry);
            }
        });
    }
}
