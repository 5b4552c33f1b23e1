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
import dev.cinema.platform.web.DomainException;
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

    protected Payment() {
    }

    Payment(PaymentId paymentId, BookingId bookingId, ScreeningId screeningId, AccountId customerId, Money amount,
            String paymentMethod) {
        apply(new PaymentRequestedEvent(paymentId, bookingId, screeningId, customerId, amount, paymentMethod));
    }

    /** What a charge leaves to settle: its status, and the booking and screening it pays for. */
    record Settlement(PaymentStatus status, BookingId bookingId, ScreeningId screeningId) {
    }

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

    /** Gives the whole captured amount back; a refunded payment stays refunded. */
    void refundInFull(PaymentServiceProvider provider, String reason) {
        if (status == PaymentStatus.REFUNDED) {
            return;
        }
        if (status != PaymentStatus.CAPTURED) {
            throw DomainException.conflict("payment-not-captured", null, "Only a captured payment can be refunded");
        }
        String reference = provider.refund(paymentId.value() + "-refund", captureReference, amount);
        apply(new PaymentRefundedEvent(paymentId, bookingId, customerId, amount, reference, reason));
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
        status = PaymentStatus.REFUNDED;
    }
}
