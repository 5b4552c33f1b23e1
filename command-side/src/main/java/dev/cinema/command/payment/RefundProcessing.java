package dev.cinema.command.payment;

import dev.cinema.command.booking.BookingLedger;
import dev.cinema.command.catalogue.lookup.CatalogueLookup;
import dev.cinema.command.catalogue.screening.SeatInventory;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.RequestRefundCommand;
import dev.cinema.platform.web.DomainException;
import dev.cinema.platform.web.ProblemKind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * A customer returns paid seats, in one unit of work: the booking says which seats and what they
 * cost, the policy what share goes back, the Refund records the request (and a rejection when the
 * policy gives nothing), the payment is refunded through the provider under the refund's own
 * idempotency key, the seats are free again and the booking loses them (REFUNDED when none remain).
 * If the provider does not answer, nothing is recorded and the request can be repeated.
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
    private final Clock clock;

    RefundProcessing(Repository<Refund> refunds, Repository<Payment> payments, BookingLedger bookings,
            SeatInventory inventory, CatalogueLookup lookup, RefundPolicy policy, PaymentServiceProvider provider,
            Clock clock) {
        this.refunds = refunds;
        this.payments = payments;
        this.bookings = bookings;
        this.inventory = inventory;
        this.lookup = lookup;
        this.policy = policy;
        this.provider = provider;
        this.clock = clock;
    }

    /** What the customer is told. */
    record Outcome(String refundId, String bookingId, boolean refunded, List<String> seats, Money share, int percent,
            Money amount) {
    }

    @CommandHandler
    Outcome handle(RequestRefundCommand command) throws Exception {
        BookingLedger.Returnable returnable = bookings.returnable(command.bookingId(), command.customerId(),
                command.seats());
        Instant now = clock.instant();
        int percent = policy.percent(now, lookup.slot(returnable.screeningId().value()).startsAt());
        List<String> seats = returnable.returned().stream().map(SeatPrice::seat).toList();
        Money share = returnable.returned().stream().map(SeatPrice::price).reduce(Money::plus).orElseThrow();
        var refund = refunds.newInstance(() -> new Refund(command.refundId(), command.bookingId(),
                returnable.paymentId(), command.customerId(), seats, share, percent));
        Money amount = new Money(share.amountMinor() * percent / 100, share.currency());
        if (!refund.invoke(Refund::approved)) {
            return new Outcome(command.refundId().value(), command.bookingId().value(), false, seats, share, percent,
                    amount);
        }
        String reference;
        try {
            reference = payments.load(returnable.paymentId().value()).invoke(payment ->
                    payment.refund(provider, command.refundId().value(), amount, "customer-refund"));
        } catch (PaymentServiceProvider.ProviderUnavailableException e) {
            throw new DomainException(ProblemKind.UNAVAILABLE, "provider-unavailable", null,
                    "The payment provider did not answer; nothing was refunded yet, please try again");
        } catch (AggregateNotFoundException e) {
            throw new IllegalStateException("A confirmed booking without its payment: " + command.bookingId(), e);
        }
        refund.execute(r -> r.complete(reference));
        inventory.returnSold(returnable.screeningId(), command.bookingId(), seats);
        bookings.returnSeats(command.bookingId(), returnable);
        return new Outcome(command.refundId().value(), command.bookingId().value(), true, seats, share, percent, amount);
    }
}
