package dev.cinema.command.payment;

import dev.cinema.command.booking.Bookings;
import dev.cinema.command.catalogue.screening.Screenings;
import dev.cinema.contracts.booking.BookingStatus;
import dev.cinema.contracts.booking.ReleaseReason;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.booking.SettleBookingOfCancelledScreeningCommand;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentRefundedEvent;
import dev.cinema.contracts.payment.RefundId;
import dev.cinema.platform.refusal.Refusal;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Settles one booking of a cancelled screening, in one unit of work. A held booking is cancelled
 * and its seats released; a paid one is refunded in full (whatever the refund policy says: the
 * cinema cancelled) under a refund id derived from the booking, so a repeat finds it done.
 */
@Component
class SettlingCancelledScreenings {

    private final Bookings bookings;
    private final Screenings inventory;
    private final Repository<Refund> refunds;
    private final Repository<Payment> payments;
    private final PaymentServiceProvider provider;

    SettlingCancelledScreenings(
            Bookings bookings,
            Screenings inventory,
            Repository<Refund> refunds,
            Repository<Payment> payments,
            PaymentServiceProvider provider) {
        this.bookings = bookings;
        this.inventory = inventory;
        this.refunds = refunds;
        this.payments = payments;
        this.provider = provider;
    }

    @CommandHandler
    void handle(SettleBookingOfCancelledScreeningCommand command) throws Exception {
        Bookings.Settlement booking = bookings.settlementAfterScreeningCancelled(command.bookingId());
        if (booking.status() == BookingStatus.AWAITING_PAYMENT) {
            bookings.cancelForScreening(command.bookingId());
            inventory.release(booking.screeningId(), command.bookingId(), ReleaseReason.SCREENING_CANCELLED);
            return;
        }
        if (booking.status() != BookingStatus.CONFIRMED) {
            return; // settled already (or never open): nothing to do, which makes a repeat harmless
        }
        RefundId refundId = RefundId.forCancelledScreening(command.bookingId());
        List<String> seats = booking.seats().stream().map(SeatPrice::seat).toList();
        Money share = SeatPrice.total(booking.seats());
        var refund = refunds.newInstance(() -> new Refund(
                refundId, command.bookingId(), booking.paymentId(), booking.customerId(), seats, share, 100));
        String reference;
        try {
            reference = payments.load(booking.paymentId().value())
                    .invoke(payment -> payment.refund(
                            provider, refundId.value(), share, PaymentRefundedEvent.SCREENING_CANCELLED));
        } catch (PaymentServiceProvider.ProviderUnavailableException e) {
            throw new Refusal(
                    "provider-unavailable",
                    null,
                    "The payment provider did not answer; the settlement will be retried");
        } catch (AggregateNotFoundException e) {
            throw new IllegalStateException("A confirmed booking without its payment: " + command.bookingId(), e);
        }
        refund.execute(r -> r.complete(reference));
        inventory.returnSold(booking.screeningId(), command.bookingId(), null);
        bookings.returnSeats(
                command.bookingId(),
                new Bookings.Returnable(booking.screeningId(), booking.paymentId(), booking.seats(), List.of()));
    }
}
