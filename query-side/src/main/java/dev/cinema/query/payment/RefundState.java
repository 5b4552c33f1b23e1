package dev.cinema.query.payment;

import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.RefundApprovedEvent;
import dev.cinema.contracts.payment.RefundCompletedEvent;
import dev.cinema.contracts.payment.RefundFailedEvent;
import dev.cinema.contracts.payment.RefundRejectedEvent;
import dev.cinema.contracts.payment.RefundRequestedEvent;
import dev.cinema.contracts.payment.RefundRetryDueEvent;
import java.time.Instant;
import java.util.List;

/**
 * A refund as its events leave it: the one fold of refund events (a refund's state as of an
 * instant, reconciliation). Immutable, one method per event, nothing stored. No read model shows
 * refunds on their own today: the payment history shows the money they gave back, which is the
 * payment's {@code PaymentRefundedEvent} ({@link PaymentState}).
 *
 * @param share    what the returned seats cost
 * @param percent  the share the policy gives back
 * @param amount   what goes back: {@code percent} of {@code share}
 * @param reason   why it was rejected, or why the provider's last attempt failed
 * @param attempts how many provider attempts failed
 * @param retryAt  when the next attempt is due, while it is retrying
 */
public record RefundState(
        String refundId,
        String bookingId,
        String paymentId,
        String customerId,
        List<String> seats,
        Money share,
        int percent,
        Money amount,
        Status status,
        String reason,
        int attempts,
        Instant retryAt,
        String pspReference) {

    /** Where a refund stands. */
    public enum Status {
        /** Asked for; the policy's answer follows in the same unit of work. */
        REQUESTED,
        /** Granted, not yet paid back by the provider. */
        APPROVED,
        /** The policy gave nothing back; the booking keeps its seats. */
        REJECTED,
        /** The provider could not pay it back yet; another attempt is due at {@code retryAt}. */
        RETRYING,
        /** Paid back; the seats are free again. */
        COMPLETED
    }

    public RefundState {
        seats = List.copyOf(seats);
    }

    public static RefundState requested(RefundRequestedEvent event) {
        return new RefundState(
                event.refundId().value(),
                event.bookingId().value(),
                event.paymentId().value(),
                event.customerId().value(),
                event.seats(),
                event.share(),
                event.percent(),
                event.amount(),
                Status.REQUESTED,
                null,
                0,
                null,
                null);
    }

    public RefundState on(RefundApprovedEvent event) {
        return with(Status.APPROVED, event.amount(), reason, attempts, retryAt, pspReference);
    }

    public RefundState on(RefundRejectedEvent event) {
        return with(Status.REJECTED, amount, event.reason(), attempts, null, pspReference);
    }

    public RefundState on(RefundFailedEvent event) {
        return with(Status.RETRYING, amount, event.reason(), event.attempt(), event.retryAt(), pspReference);
    }

    public RefundState on(RefundCompletedEvent event) {
        return with(Status.COMPLETED, event.amount(), null, attempts, null, event.pspReference());
    }

    /** A reminder that the next attempt is due: the attempt's outcome is an event of its own. */
    public RefundState on(RefundRetryDueEvent event) {
        return this;
    }

    /**
     * What the booking's payment keeps of the returned seats once the refund is paid back: their
     * share less what went back (nothing at 100 %); nothing before, or if the policy refused.
     */
    public Money kept() {
        return status == Status.COMPLETED
                ? Money.of(share.amountMinor() - amount.amountMinor(), share.currency())
                : Money.of(0, share.currency());
    }

    private RefundState with(
            Status status, Money amount, String reason, int attempts, Instant retryAt, String pspReference) {
        return new RefundState(
                refundId,
                bookingId,
                paymentId,
                customerId,
                seats,
                share,
                percent,
                amount,
                status,
                reason,
                attempts,
                retryAt,
                pspReference);
    }
}
