package dev.cinema.command.payment;

import dev.cinema.command.booking.BookingLedger;
import dev.cinema.command.catalogue.lookup.CatalogueLookup;
import dev.cinema.command.catalogue.screening.SeatInventory;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.RefundId;
import dev.cinema.contracts.payment.RefundRetryDueEvent;
import dev.cinema.contracts.payment.RequestRefundCommand;
import dev.cinema.contracts.payment.RetryRefundCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.scheduling.EventScheduler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A customer returns paid seats: the booking says which seats and what they cost, the policy what
 * share goes back, the Refund records the request (and a rejection when the policy gives nothing).
 * Then, in the same unit of work, the payment is refunded through the provider under the refund's
 * own idempotency key, the seats are freed and the booking loses them (REFUNDED when none remain).
 * When the provider does not answer, the failure is recorded and a retry is scheduled (a
 * persistent scheduled event): the refund completes by itself once the provider is back, and
 * the repeated provider call cannot refund twice.
 */
@Component
class RefundProcessing {

    private final Repository<Refund> refunds;
    private final Repository<Payment> payments;
    private final BookingLedger bookings;
    private final SeatInventory inventory;
    private final CatalogueLookup lookup;
    private final RefundPolicy policy;
    private final PaymentServiceProvider provider;
    private final EventScheduler scheduler;
    private final Clock clock;
    private final Duration firstRetry;

    RefundProcessing(
            Repository<Refund> refunds,
            Repository<Payment> payments,
            BookingLedger bookings,
            SeatInventory inventory,
            CatalogueLookup lookup,
            RefundPolicy policy,
            PaymentServiceProvider provider,
            EventScheduler scheduler,
            Clock clock,
            @Value("${cinema.refunds.first-retry:PT1M}") Duration firstRetry) {
        this.refunds = refunds;
        this.payments = payments;
        this.bookings = bookings;
        this.inventory = inventory;
        this.lookup = lookup;
        this.policy = policy;
        this.provider = provider;
        this.scheduler = scheduler;
        this.clock = clock;
        this.firstRetry = firstRetry;
    }

    /** What the customer is told: refunded now, pending a retry, or rejected by the policy. */
    @Schema(name = "RefundOutcome")
    record Outcome(
            String refundId,
            String bookingId,
            boolean refunded,
            boolean pending,
            List<String> seats,
            Money share,
            int percent,
            Money amount) {}

    @CommandHandler
    Outcome handle(RequestRefundCommand command) throws Exception {
        BookingLedger.Returnable returnable =
                bookings.returnable(command.bookingId(), command.customerId(), command.seats());
        Instant now = clock.instant();
        int percent = policy.percent(
                now, lookup.slot(returnable.screeningId().value()).startsAt());
        List<String> seats = returnable.returned().stream().map(SeatPrice::seat).toList();
        Money share = returnable.returned().stream()
                .map(SeatPrice::price)
                .reduce(Money::plus)
                .orElseThrow();
        var refund = refunds.newInstance(() -> new Refund(
                command.refundId(),
                command.bookingId(),
                returnable.paymentId(),
                command.customerId(),
                seats,
                share,
                percent));
        Money amount = new Money(share.amountMinor() * percent / 100, share.currency());
        if (!refund.invoke(Refund::approved)) {
            return new Outcome(
                    command.refundId().value(),
                    command.bookingId().value(),
                    false,
                    false,
                    seats,
                    share,
                    percent,
                    amount);
        }
        boolean done = attempt(refund, command.refundId(), returnable);
        return new Outcome(
                command.refundId().value(), command.bookingId().value(), done, !done, seats, share, percent, amount);
    }

    @CommandHandler
    void handle(RetryRefundCommand command) {
        var refund = refunds.load(command.refundId().value());
        Refund.Attempt attempt = refund.invoke(Refund::attempt);
        if (!attempt.pending()) {
            return; // completed meanwhile: a late or repeated retry does nothing
        }
        BookingLedger.Returnable returnable =
                bookings.returnable(attempt.bookingId(), attempt.customerId(), attempt.seats());
        attempt(refund, command.refundId(), returnable);
    }

    /** One provider attempt; true when the refund is complete, false when a retry was scheduled. */
    private boolean attempt(
            org.axonframework.modelling.command.Aggregate<Refund> refund,
            RefundId refundId,
            BookingLedger.Returnable returnable) {
        Refund.Attempt attempt = refund.invoke(Refund::attempt);
        String reference;
        try {
            reference = payments.load(attempt.paymentId().value())
                    .invoke(payment -> payment.refund(provider, refundId.value(), attempt.amount(), "customer-refund"));
        } catch (PaymentServiceProvider.ProviderUnavailableException e) {
            Instant retryAt = refund.invoke(r -> r.failed("provider-unavailable", clock.instant(), firstRetry));
            scheduler.schedule(retryAt, new RefundRetryDueEvent(refundId));
            return false;
        } catch (AggregateNotFoundException e) {
            throw new IllegalStateException("A confirmed booking without its payment: " + attempt.bookingId(), e);
        }
        refund.execute(r -> r.complete(reference));
        inventory.returnSold(returnable.screeningId(), attempt.bookingId(), attempt.seats());
        bookings.returnSeats(attempt.bookingId(), returnable);
        return true;
    }
}
