package dev.cinema.command.payment;

import dev.cinema.command.booking.Bookings;
import dev.cinema.command.catalogue.lookup.CatalogueLookup;
import dev.cinema.command.catalogue.screening.Screenings;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentRefundedEvent;
import dev.cinema.contracts.payment.RefundId;
import dev.cinema.contracts.payment.RefundRetryDueEvent;
import dev.cinema.contracts.payment.RequestRefundCommand;
import dev.cinema.contracts.payment.RetryRefundCommand;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.scheduling.EventScheduler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
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
class RefundingBookings {

    private final Repository<Refund> refunds;
    private final Repository<Payment> payments;
    private final Bookings bookings;
    private final Screenings inventory;
    private final CatalogueLookup lookup;
    private final RefundRules policy;
    private final PaymentServiceProvider provider;
    private final EventScheduler scheduler;
    private final Clock clock;
    private final Duration firstRetry;

    RefundingBookings(
            Repository<Refund> refunds,
            Repository<Payment> payments,
            Bookings bookings,
            Screenings inventory,
            CatalogueLookup lookup,
            RefundRules policy,
            PaymentServiceProvider provider,
            EventScheduler scheduler,
            Clock clock,
            RefundProperties properties) {
        this.refunds = refunds;
        this.payments = payments;
        this.bookings = bookings;
        this.inventory = inventory;
        this.lookup = lookup;
        this.policy = policy;
        this.provider = provider;
        this.scheduler = scheduler;
        this.clock = clock;
        this.firstRetry = properties.firstRetry();
    }

    /**
     * How a refund request ended: refunded now, pending a retry of the provider, or neither (the
     * policy gave nothing back). {@code share} is the returned seats' price, {@code amount} the
     * {@code percent} of it that goes back.
     */
    record Result(
            RefundId refundId,
            BookingId bookingId,
            boolean refunded,
            boolean pending,
            List<String> seats,
            Money share,
            int percent,
            Money amount) {}

    @CommandHandler
    Result handle(RequestRefundCommand command) throws Exception {
        Bookings.Returnable returnable =
                bookings.returnable(command.bookingId(), command.customerId(), command.seats());
        Instant now = clock.instant();
        int percent = policy.percent(
                now, lookup.slot(returnable.screeningId().value()).startsAt());
        List<String> seats = returnable.returned().stream().map(SeatPrice::seat).toList();
        Money share = SeatPrice.total(returnable.returned());
        var refund = refunds.newInstance(() -> new Refund(
                command.refundId(),
                command.bookingId(),
                returnable.paymentId(),
                command.customerId(),
                seats,
                share,
                percent));
        Money amount = share.percent(percent);
        if (!refund.invoke(Refund::approved)) {
            return new Result(command.refundId(), command.bookingId(), false, false, seats, share, percent, amount);
        }
        boolean done = attempt(refund, command.refundId(), returnable);
        return new Result(command.refundId(), command.bookingId(), done, !done, seats, share, percent, amount);
    }

    @CommandHandler
    void handle(RetryRefundCommand command) {
        var refund = refunds.load(command.refundId().value());
        Refund.Attempt attempt = refund.invoke(Refund::attempt);
        if (!attempt.pending()) {
            return; // completed meanwhile: a late or repeated retry does nothing
        }
        Bookings.Returnable returnable =
                bookings.returnable(attempt.bookingId(), attempt.customerId(), attempt.seats());
        attempt(refund, command.refundId(), returnable);
    }

    /** One provider attempt; true when the refund is complete, false when a retry was scheduled. */
    private boolean attempt(
            org.axonframework.modelling.command.Aggregate<Refund> refund,
            RefundId refundId,
            Bookings.Returnable returnable) {
        Refund.Attempt attempt = refund.invoke(Refund::attempt);
        String reference;
        try {
            reference = payments.load(attempt.paymentId().value())
                    .invoke(payment -> payment.refund(
                            provider, refundId.value(), attempt.amount(), PaymentRefundedEvent.CUSTOMER_REFUND));
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
