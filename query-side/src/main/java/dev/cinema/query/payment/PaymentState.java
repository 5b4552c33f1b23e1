package dev.cinema.query.payment;

import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentCapturedEvent;
import dev.cinema.contracts.payment.PaymentDeclinedEvent;
import dev.cinema.contracts.payment.PaymentHistoryEntry;
import dev.cinema.contracts.payment.PaymentRefundedEvent;
import dev.cinema.contracts.payment.PaymentRequestedEvent;
import dev.cinema.contracts.payment.PaymentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A payment as its events leave it: the one fold of payment events, used by the payment history
 * ({@link PaymentHistoryProjection}) and by auditors (a payment's state as of an instant,
 * reconciliation), so that the read model and the audit can never disagree about what an event
 * means. Immutable, one method per event, nothing stored.
 *
 * <p>Delivery to projections is at least once, so the fold is indifferent to repetition and to a
 * request folded after the provider's answer: a request never undoes an answer, and a refund is
 * known by its event's identifier, so folding it again counts it once.
 *
 * @param status        the aggregate's own view: REQUESTED, CAPTURED or DECLINED as the provider
 *                      answered, REFUNDED once refunds give back all of it; null before any event
 * @param pspReference  the provider's capture reference, once captured
 * @param declineReason why the provider declined, once declined
 * @param answeredAt    the instant of the last request, capture or decline folded
 * @param refunds       every refund of the payment, in the order folded
 */
public record PaymentState(
        String paymentId,
        String bookingId,
        String customerId,
        Money amount,
        PaymentStatus status,
        String pspReference,
        String declineReason,
        Instant answeredAt,
        List<Refund> refunds) {

    /** One refund of the payment: a PaymentRefundedEvent, known by its event's identifier. */
    public record Refund(String eventId, Money amount, String pspReference, String reason, Instant at) {}

    public PaymentState {
        refunds = List.copyOf(refunds);
    }

    /** A payment none of whose events has been folded yet. */
    public static PaymentState of(String paymentId) {
        return new PaymentState(paymentId, null, null, null, null, null, null, null, List.of());
    }

    /** Requested: awaiting the provider. A request folded again after the answer changes nothing. */
    public PaymentState on(PaymentRequestedEvent event, Instant at) {
        if (status != null) {
            return this;
        }
        return new PaymentState(
                paymentId,
                event.bookingId().value(),
                event.customerId().value(),
                event.amount(),
                PaymentStatus.REQUESTED,
                null,
                null,
                at,
                refunds);
    }

    public PaymentState on(PaymentCapturedEvent event, Instant at) {
        return new PaymentState(
                        paymentId,
                        event.bookingId().value(),
                        event.customerId().value(),
                        event.amount(),
                        PaymentStatus.CAPTURED,
                        event.pspReference(),
                        null,
                        at,
                        refunds)
                .settled();
    }

    public PaymentState on(PaymentDeclinedEvent event, Instant at) {
        return new PaymentState(
                paymentId,
                event.bookingId().value(),
                event.customerId().value(),
                event.amount(),
                PaymentStatus.DECLINED,
                null,
                event.reason(),
                at,
                refunds);
    }

    /** Money given back: a refund of its own; the payment is REFUNDED once nothing of it is left. */
    public PaymentState on(PaymentRefundedEvent event, Instant at, String eventId) {
        List<Refund> more = new ArrayList<>(refunds);
        more.removeIf(refund -> refund.eventId().equals(eventId));
        more.add(new Refund(eventId, event.amount(), event.pspRefundReference(), event.reason(), at));
        return new PaymentState(
                        paymentId,
                        event.bookingId().value(),
                        event.customerId().value(),
                        amount,
                        status,
                        pspReference,
                        declineReason,
                        answeredAt,
                        more)
                .settled();
    }

    /** Whether the provider captured it (whatever was refunded since). */
    public boolean paid() {
        return status == PaymentStatus.CAPTURED || status == PaymentStatus.REFUNDED;
    }

    /** What was captured: the amount once paid, else nothing. */
    public Money captured() {
        return paid() ? amount : Money.of(0, currencyOrNone());
    }

    /** What its refunds gave back. */
    public Money refunded() {
        return refunds.stream().map(Refund::amount).reduce(Money.of(0, currencyOrNone()), Money::plus);
    }

    /**
     * What the payment history shows of it: the payment's own entry (once it has been requested,
     * captured or declined; a refunded payment's entry stays CAPTURED, it was paid), then one entry
     * per refund. {@link PaymentHistoryProjection} writes exactly these.
     */
    public List<PaymentHistoryEntry> historyEntries() {
        return List.copyOf(keyedHistoryEntries().values());
    }

    /** The history's entries by the key the read model stores each under. */
    Map<PaymentHistoryKey, PaymentHistoryEntry> keyedHistoryEntries() {
        Map<PaymentHistoryKey, PaymentHistoryEntry> entries = new LinkedHashMap<>();
        if (status != null) {
            entries.put(
                    new PaymentHistoryKey(paymentId, EntryKind.PAYMENT, PaymentHistoryKey.PAYMENT_ENTRY),
                    new PaymentHistoryEntry(
                            paymentId,
                            bookingId,
                            customerId,
                            EntryKind.PAYMENT.name(),
                            amount,
                            status == PaymentStatus.REFUNDED ? PaymentStatus.CAPTURED : status,
                            pspReference,
                            declineReason,
                            answeredAt));
        }
        refunds.forEach(refund -> entries.put(
                new PaymentHistoryKey(paymentId, EntryKind.REFUND, refund.eventId()),
                new PaymentHistoryEntry(
                        paymentId,
                        bookingId,
                        customerId,
                        EntryKind.REFUND.name(),
                        refund.amount(),
                        PaymentStatus.REFUNDED,
                        refund.pspReference(),
                        refund.reason(),
                        refund.at())));
        return entries;
    }

    /**
     * The payment as the history shows it, folded back (the entries keep everything the fold needs):
     * a refunded payment's entry says CAPTURED, and its refunds say how much went back.
     */
    static PaymentState shownAs(String paymentId, PaymentHistoryEntry payment, List<Refund> refunds) {
        if (payment == null) {
            PaymentState state = of(paymentId);
            return refunds.isEmpty()
                    ? state
                    : new PaymentState(paymentId, null, null, null, null, null, null, null, refunds);
        }
        return new PaymentState(
                        paymentId,
                        payment.bookingId(),
                        payment.customerId(),
                        payment.amount(),
                        payment.status(),
                        payment.pspReference(),
                        payment.status() == PaymentStatus.DECLINED ? payment.reason() : null,
                        payment.at(),
                        refunds)
                .settled();
    }

    /** A captured payment whose refunds give back all of it is REFUNDED, as the aggregate says. */
    private PaymentState settled() {
        boolean fullyRefunded = amount != null && refunded().amountMinor() >= amount.amountMinor();
        PaymentStatus settled = status == PaymentStatus.CAPTURED && fullyRefunded
                ? PaymentStatus.REFUNDED
                : status == PaymentStatus.REFUNDED && !fullyRefunded ? PaymentStatus.CAPTURED : status;
        return settled == status
                ? this
                : new PaymentState(
                        paymentId,
                        bookingId,
                        customerId,
                        amount,
                        settled,
                        pspReference,
                        declineReason,
                        answeredAt,
                        refunds);
    }

    private String currencyOrNone() {
        if (amount != null) {
            return amount.currency();
        }
        return refunds.isEmpty() ? "XXX" : refunds.get(0).amount().currency();
    }
}
