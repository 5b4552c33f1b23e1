package dev.cinema.command.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentId;
import dev.cinema.contracts.payment.RefundApprovedEvent;
import dev.cinema.contracts.payment.RefundCompletedEvent;
import dev.cinema.contracts.payment.RefundFailedEvent;
import dev.cinema.contracts.payment.RefundId;
import dev.cinema.contracts.payment.RefundRejectedEvent;
import dev.cinema.contracts.payment.RefundRequestedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A customer's request to have (part of) a paid booking's money back, the policy's answer
 * (approved or rejected) and, when approved, the provider's refund, its failures and retries. A request the policy gives nothing for is recorded as
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
    private List<String> seats;
    private boolean settled;
    private int attempts;

    protected Refund() {}

    Refund(
            RefundId refundId,
            BookingId bookingId,
            PaymentId paymentId,
            AccountId customerId,
            List<String> seats,
            Money share,
            int percent) {
        Money amount = share.percent(percent);
        apply(new RefundRequestedEvent(refundId, bookingId, paymentId, customerId, seats, share, percent, amount));
        if (amount.amountMinor() == 0) {
            apply(new RefundRejectedEvent(refundId, bookingId, customerId, "too-close-to-the-screening"));
        } else {
            apply(new RefundApprovedEvent(refundId, bookingId, amount));
        }
    }

    /** Whether the policy granted anything: only then is the provider asked. */
    boolean approved() {
        return amount.amountMinor() > 0 && !settled;
    }

    /** What another attempt needs to know. */
    record Attempt(
            BookingId bookingId,
            PaymentId paymentId,
            AccountId customerId,
            List<String> seats,
            Money amount,
            boolean pending) {}

    Attempt attempt() {
        return new Attempt(bookingId, paymentId, customerId, seats, amount, approved());
    }

    /**
     * The provider could not refund: recorded, with the instant of the next attempt (1 min, 2 min,
     * 4 min… after the first, at most an hour apart).
     */
    Instant failed(String reason, Instant now, Duration firstRetry) {
        int attempt = attempts + 1;
        Duration wait = firstRetry.multipliedBy(1L << Math.min(attempt - 1, 16));
        Instant retryAt = now.plus(wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait);
        apply(new RefundFailedEvent(refundId, bookingId, customerId, reason, attempt, retryAt));
        return retryAt;
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
        seats = event.seats();
    }

    @EventSourcingHandler
    void on(RefundFailedEvent event) {
        attempts = event.attempt();
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
