package dev.cinema.command.payment;

import dev.cinema.command.booking.Bookings;
import dev.cinema.command.catalogue.screening.Screenings;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.ChargePaymentCommand;
import dev.cinema.contracts.payment.PaymentId;
import dev.cinema.contracts.payment.PaymentRefundedEvent;
import dev.cinema.contracts.payment.PaymentStatus;
import dev.cinema.contracts.payment.RequestPaymentCommand;
import dev.cinema.platform.refusal.Refusal;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Paying for a booking, as a process over three aggregates:
 * <ol>
 * <li>request: the booking says what is owed (only its customer, only while held) and a Payment
 * is recorded, before any money moves;</li>
 * <li>charge and settle, in one unit of work: the payment is charged through the provider; if
 * captured, the screening sells the held seats and the booking is confirmed; if the hold has run
 * out meanwhile (or another payment confirmed the booking first), the payment is refunded at
 * once. Captured money is never kept without seats.</li>
 * </ol>
 * Should the unit of work fail after the provider answered, nothing is recorded; a retry charges
 * again with the same idempotency key and the provider repeats its first answer.
 */
@Component
class PayingForBookings {

    private final Repository<Payment> payments;
    private final Bookings bookings;
    private final Screenings inventory;
    private final PaymentServiceProvider provider;
    private final Clock clock;

    PayingForBookings(
            Repository<Payment> payments,
            Bookings bookings,
            Screenings inventory,
            PaymentServiceProvider provider,
            Clock clock) {
        this.payments = payments;
        this.bookings = bookings;
        this.inventory = inventory;
        this.provider = provider;
        this.clock = clock;
    }

    /**
     * How a charge ended: CAPTURED with the booking confirmed, DECLINED, REFUNDED (the hold ran out
     * first), or still REQUESTED (the provider did not answer).
     */
    record Result(
            PaymentId paymentId, BookingId bookingId, PaymentStatus status, boolean bookingConfirmed, Money amount) {}

    @CommandHandler
    void handle(RequestPaymentCommand command) throws Exception {
        Bookings.Due due = bookings.amountDue(command.bookingId(), command.customerId());
        payments.newInstance(() -> new Payment(
                command.paymentId(),
                command.bookingId(),
                due.screeningId(),
                command.customerId(),
                due.amount(),
                command.paymentMethod()));
    }

    @CommandHandler
    Result handle(ChargePaymentCommand command) {
        var payment = load(command.paymentId());
        Payment.Settlement settlement;
        try {
            settlement = payment.invoke(p -> p.charge(provider));
        } catch (PaymentServiceProvider.ProviderUnavailableException e) {
            // Nothing is recorded; the payment stays requested and a retry asks the provider again.
            throw new Refusal(
                    "provider-unavailable",
                    null,
                    "The payment provider did not answer; repeat the request with the same Idempotency-Key");
        }
        PaymentStatus status = settlement.status();
        boolean confirmed = false;
        if (status == PaymentStatus.CAPTURED) {
            confirmed = bookings.isConfirmedBy(settlement.bookingId(), command.paymentId());
            if (!confirmed) {
                boolean sold = inventory.sell(settlement.screeningId(), settlement.bookingId(), clock.instant());
                confirmed = sold && bookings.confirm(settlement.bookingId(), command.paymentId());
                if (sold && !confirmed) {
                    // Sold, but the booking was cancelled meanwhile: undo the sale, the money goes back.
                    inventory.returnSold(settlement.screeningId(), settlement.bookingId(), null);
                }
                if (!confirmed) {
                    payment.execute(p -> p.refundInFull(provider, PaymentRefundedEvent.HOLD_EXPIRED));
                    status = PaymentStatus.REFUNDED;
                }
            }
        }
        Money amount = payment.invoke(Payment::amount);
        return new Result(command.paymentId(), settlement.bookingId(), status, confirmed, amount);
    }

    private org.axonframework.modelling.command.Aggregate<Payment> load(PaymentId paymentId) {
        try {
            return payments.load(paymentId.value());
        } catch (AggregateNotFoundException e) {
            throw new Refusal("payment-not-found", null, "No payment " + paymentId);
        }
    }
}
