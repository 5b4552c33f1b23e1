package dev.cinema.query.payment;

import dev.cinema.contracts.payment.PaymentCapturedEvent;
import dev.cinema.contracts.payment.PaymentDeclinedEvent;
import dev.cinema.contracts.payment.PaymentRefundedEvent;
import dev.cinema.contracts.payment.PaymentRequestedEvent;
import dev.cinema.query.rebuild.ProcessorBatch;
import dev.cinema.query.rebuild.Rebuildable;
import dev.cinema.query.rebuild.SlotJdbc;
import java.time.Instant;
import java.util.Optional;
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
 *
 * <p>Events are folded in memory a processor batch at a time ({@link PaymentHistoryBatch}): the
 * entries of every payment the batch's events are about are read with one statement before the
 * first is folded, and whatever the batch changed is written once, before its transaction commits.
 * Folding the same events one at a time leaves the same rows.
 */
@Component
@Rebuildable(
        name = "payment-history",
        tables = {"payment_history_entry"},
        foldsPerBatch = true)
@ProcessingGroup(PaymentHistoryProjection.NAME)
class PaymentHistoryProjection {

    static final String NAME = "query-payment-history";

    private final PaymentHistoryRows entries;
    private final SlotJdbc jdbc;

    PaymentHistoryProjection(PaymentHistoryRows entries, SlotJdbc jdbc) {
        this.entries = entries;
        this.jdbc = jdbc;
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
     * Folds a payment's event with {@link PaymentState} into the batch of the processor's unit of
     * work (written before it commits), or, when called outside one, into a batch of this one event,
     * written at once.
     */
    private void fold(String paymentId, UnaryOperator<PaymentState> change) {
        Optional<PaymentHistoryBatch> batch =
                ProcessorBatch.current(this, events -> new PaymentHistoryBatch(jdbc).readAhead(events));
        if (batch.isPresent()) {
            batch.get().fold(paymentId, change);
        } else {
            PaymentHistoryBatch alone = new PaymentHistoryBatch(jdbc);
            alone.fold(paymentId, change);
            alone.flush();
        }
    }
}
