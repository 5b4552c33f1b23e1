package dev.cinema.command.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentId;
import dev.cinema.contracts.payment.RefundCompletedEvent;
import dev.cinema.contracts.payment.RefundId;
import dev.cinema.contracts.payment.RefundRejectedEvent;
import dev.cinema.contracts.payment.RefundRequestedEvent;
import java.util.List;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A customer's request to have (part of) a paid booking's money back, the policy's answer and,
 * when approved, the provider's refund. A request the policy gives nothing for is recorded as
 * rejected: the history shows it was asked and why it was refused.
 */
@Aggregate
class Refund {

    @AggregateIdentifier
    private RefundId refundId;
    private BookingId bookingId;
    private PaymentId paymentId;
    private AccountId customerId;
    private Money amount;
    private boolean settled;

    protected Refund() {
    }

    Refund(RefundId refundId, BookingId bookingId, PaymentId paymentId, AccountId customerId, List<String> seats,
            Money share, int percent) {
        Money amount = new Money(share.amountMinor() * percent / 100, share.currency());
        apply(new RefundRequestedEvent(refundId, bookingId, paymentId, customerId, seats, share, percent, amount));
        if (amount.amountMinor() == 0) {
            apply(new RefundRejectedEvent(refundId, bookingId, customerId, "too-close-to-the-screening"));
        }
    }

    /** Whether the policy granted anything: only then is the provider asked. */
    boolean approved() {
        return amount.amountMinor() > 0 && !settled;
    }

    void complete(String pspReference) {
        if (!settled) {
            apply(new RefundCompletedEvent(refundId, bookingId, paymentId, customerId, amount, pspReference));
        }
    }

    @EventSourcingHandler
    void on(RefundRequestedEvent event) {
        refundId = event.refundId();
        bookingId = event.bookingId();
        paymentId = event.paymentId();
        customerId = event.customerId();
        amount = event.amount();
    }

    @EventSourcingHandler
    void on(RefundRejectedEvent event) {
        settled = true;
    }

    @EventSourcingHandler
    void on(RefundCompletedEvent event) {
        settled = true;
    }
}
