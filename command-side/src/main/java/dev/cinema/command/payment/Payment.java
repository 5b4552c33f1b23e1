package dev.cinema.command.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentCapturedEvent;
import dev.cinema.contracts.payment.PaymentDeclinedEvent;
import dev.cinema.contracts.payment.PaymentId;
import dev.cinema.contracts.payment.PaymentRefundedEvent;
import dev.cinema.contracts.payment.PaymentRequestedEvent;
import dev.cinema.contracts.payment.PaymentStatus;
import dev.cinema.platform.refusal.Refusal;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One attempt to pay for a booking. It talks to the provider through the port, always with its own
 * id as the idempotency key, so that a charge repeated after a crash or a timeout is answered with
 * the first result instead of charging again.
 */
@Aggregate
class Payment {

    @AggregateIdentifier
    private PaymentId paymentId;

    private BookingId bookingId;
    private ScreeningId screeningId;
    private AccountId customerId;
    private Money amount;
    private String paymentMethod;
    private PaymentStatus status;
    private String captureReference;
    private long refundedMinor;

    protected Payment() {}

    Payment(
            PaymentId paymentId,
            BookingId bookingId,
            ScreeningId screeningId,
            AccountId customerId,
            Money amount,
            String paymentMethod) {
        apply(new PaymentRequestedEvent(paymentId, bookingId, screeningId, customerId, amount, paymentMethod));
    }

    /** What a charge leaves to settle: its status, and the booking and screening it pays for. */
    record Settlement(PaymentStatus status, BookingId bookingId, ScreeningId screeningId) {}

    /** Charges once; a payment already answered keeps its answer. */
    Settlement charge(PaymentServiceProvider provider) {
        if (status != PaymentStatus.REQUESTED) {
            return new Settlement(status, bookingId, screeningId);
        }
        PaymentServiceProvider.Charge answer = provider.charge(paymentId.value(), amount, paymentMethod);
        if (answer instanceof PaymentServiceProvider.Captured captured) {
            apply(new PaymentCapturedEvent(paymentId, bookingId, customerId, amount, captured.reference()));
        } else if (answer instanceof PaymentServiceProvider.Declined declined) {
            apply(new PaymentDeclinedEvent(paymentId, bookingId, customerId, amount, declined.reason()));
        }
        return new Settlement(status, bookingId, screeningId);
    }

    /** Gives back whatever of the captured amount is not refunded yet; a refunded payment stays refunded. */
    void refundInFull(PaymentServiceProvider provider, String reason) {
        if (status == PaymentStatus.REFUNDED) {
            return;
        }
        refund(
                provider,
                paymentId.value() + "-refund",
                new Money(amount.amountMinor() - refundedMinor, amount.currency()),
                reason);
    }

    /**
     * Gives {@code part} back, under the refund's own idempotency key; never more than what is left
     * of the capture. Answers the provider's refund reference.
     */
    String refund(PaymentServiceProvider provider, String idempotencyKey, Money part, String reason) {
        if (status != PaymentStatus.CAPTURED) {
            throw new Refusal(
                    "payment-not-captured", null, "Only a captured payment can be refunded; this one is " + status);
        }
        if (part.amountMinor() <= 0
                || part.amountMinor() > amount.amountMinor() - refundedMinor
                || !part.currency().equals(amount.currency())) {
            throw new Refusal(
                    "refund-exceeds-payment", null, "A refund cannot give back more than what is left of the payment");
        }
        String reference = provider.refund(idempotencyKey, captureReference, part);
        apply(new PaymentRefundedEvent(paymentId, bookingId, customerId, part, reference, reason));
        return reference;
    }

    Money amount() {
        return amount;
    }

    @EventSourcingHandler
    void on(PaymentRequestedEvent event) {
        paymentId = event.paymentId();
        bookingId = event.bookingId();
        screeningId = event.screeningId();
        customerId = event.customerId();
        amount = event.amount();
        paymentMethod = event.paymentMethod();
        status = PaymentStatus.REQUESTED;
    }

    @EventSourcingHandler
    void on(PaymentCapturedEvent event) {
        status = PaymentStatus.CAPTURED;
        captureReference = event.pspReference();
    }

    @EventSourcingHandler
    void on(PaymentDeclinedEvent event) {
        status = PaymentStatus.DECLINED;
    }

    @EventSourcingHandler
    void on(PaymentRefundedEvent event) {
        refundedMinor += event.amount().amountMinor();
        if (refundedMinor >= amount.amountMinor()) {
            status = PaymentStatus.REFUNDED;
        }
    }
}
