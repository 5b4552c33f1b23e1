package dev.cinema.command.alert;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.alert.AlertDetails;
import dev.cinema.contracts.alert.AlertId;
import dev.cinema.contracts.alert.AlertRefs;
import dev.cinema.contracts.alert.AlertType;
import dev.cinema.contracts.alert.InboxId;
import dev.cinema.contracts.alert.RaiseAlertCommand;
import dev.cinema.contracts.booking.BookingConfirmedEvent;
import dev.cinema.contracts.booking.BookingExpiredEvent;
import dev.cinema.contracts.booking.BookingHoldExpiringEvent;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.BookingStatus;
import dev.cinema.contracts.booking.ReleaseReason;
import dev.cinema.contracts.booking.SeatsReleasedEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.catalogue.screening.ScreeningRescheduledEvent;
import dev.cinema.contracts.payment.PaymentDeclinedEvent;
import dev.cinema.contracts.payment.PaymentRefundedEvent;
import dev.cinema.contracts.payment.RefundCompletedEvent;
import dev.cinema.contracts.payment.RefundFailedEvent;
import dev.cinema.contracts.payment.RefundId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Raises a customer's alerts: reacts to what happened to their bookings, payments, refunds and
 * screenings and puts an alert in their inbox. A tracking processor of its own ({@value #GROUP},
 * persistent token, failures propagate so it retries), never reset and {@code @DisallowReplay}:
 * an alert is a message to a person, sent once. The alert's id is derived from the triggering
 * event's identifier (and the booking, when one event concerns several), so a trigger handled
 * twice raises nothing the second time: the inbox holds that id already. (Here the inbox's events
 * and the policy's token commit in one transaction; with Axon Server they would not, and a crash
 * between the two would hand the policy the same event again.)
 *
 * <p>Who is concerned, and the seats, come from the policy's own booking index, folded in the
 * same processor in event order ({@link AlertBookingIndexUpdater}): as of the triggering event.
 *
 * <p>A cancelled screening tells each customer what it did to their booking, once it is settled
 * (one alert per booking): a paid booking when its refund completes (with the amount), a held one
 * when its seats are released (nothing was charged). A booking that ended before the
 * cancellation hears nothing.
 */
@Component
@ProcessingGroup(AlertPolicy.GROUP)
@DisallowReplay
class AlertPolicy {

    static final String GROUP = "command-alert-policy";

    private static final Logger log = LoggerFactory.getLogger(AlertPolicy.class);

    private final AlertBookingIndex bookings;
    private final CommandGateway commands;

    AlertPolicy(AlertBookingIndex bookings, CommandGateway commands) {
        this.bookings = bookings;
        this.commands = commands;
    }

    @EventHandler
    void on(BookingConfirmedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        booking(event.bookingId())
                .ifPresent(booking -> raise(
                        eventId,
                        booking,
                        AlertType.BOOKING_CONFIRMED,
                        refs(booking).withPayment(event.paymentId()),
                        AlertDetails.of(event.total(), booking.seats()),
                        at));
    }

    @EventHandler
    void on(BookingHoldExpiringEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        List<String> seats =
                booking(event.bookingId()).map(AlertBookingEntry::seats).orElse(List.of());
        raise(
                eventId,
                event.customerId(),
                event.bookingId(),
                AlertType.HOLD_EXPIRING,
                AlertRefs.booking(event.bookingId(), event.screeningId()),
                AlertDetails.of(null, seats).withExpiresAt(event.expiresAt()),
                at);
    }

    @EventHandler
    void on(BookingExpiredEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        booking(event.bookingId())
                .ifPresent(booking -> raise(
                        eventId,
                        booking,
                        AlertType.HOLD_EXPIRED,
                        refs(booking),
                        AlertDetails.of(null, booking.seats()),
                        at));
    }

    @EventHandler
    void on(PaymentDeclinedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        raise(
                eventId,
                event.customerId(),
                event.bookingId(),
                AlertType.PAYMENT_DECLINED,
                refsOf(event.bookingId()).withPayment(event.paymentId()),
                AlertDetails.of(event.amount(), seatsOf(event.bookingId())).withReason(event.reason()),
                at);
    }

    /**
     * Only a payment refunded because it came too late: refunds the customer asked for and those
     * of a cancelled screening are told when their refund completes ({@link RefundCompletedEvent}).
     */
    @EventHandler
    void on(PaymentRefundedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        if (!PaymentRefundedEvent.HOLD_EXPIRED.equals(event.reason())) {
            return;
        }
        raise(
                eventId,
                event.customerId(),
                event.bookingId(),
                AlertType.LATE_PAYMENT_REFUNDED,
                refsOf(event.bookingId()).withPayment(event.paymentId()),
                AlertDetails.of(event.amount(), seatsOf(event.bookingId())),
                at);
    }

    /**
     * The first failure only: the customer learns that the refund is delayed and will be tried
     * again; further failed attempts say nothing new, and the completion comes as its own alert.
     */
    @EventHandler
    void on(RefundFailedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        if (event.attempt() != 1) {
            return;
        }
        raise(
                eventId,
                event.customerId(),
                event.bookingId(),
                AlertType.REFUND_FAILED,
                refsOf(event.bookingId()).withRefund(event.refundId()),
                AlertDetails.none().withRetryAt(event.retryAt()).withReason(event.reason()),
                at);
    }

    /** A refund paid back: the customer's own, or the one of a booking whose screening was cancelled. */
    @EventHandler
    void on(RefundCompletedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        boolean cancelledScreening = event.refundId().equals(RefundId.forCancelledScreening(event.bookingId()));
        raise(
                eventId,
                event.customerId(),
                event.bookingId(),
                cancelledScreening ? AlertType.SCREENING_CANCELLED : AlertType.REFUND_COMPLETED,
                refsOf(event.bookingId()).withPayment(event.paymentId()).withRefund(event.refundId()),
                AlertDetails.of(event.amount(), cancelledScreening ? seatsOf(event.bookingId()) : List.of()),
                at);
    }

    /** A held booking of a cancelled screening was cancelled and its seats released: nothing was paid. */
    @EventHandler
    void on(SeatsReleasedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        if (event.reason() != ReleaseReason.SCREENING_CANCELLED) {
            return;
        }
        booking(event.bookingId())
                .ifPresent(booking -> raise(
                        eventId,
                        booking,
                        AlertType.SCREENING_CANCELLED,
                        refs(booking),
                        AlertDetails.of(null, booking.seats()),
                        at));
    }

    /** Every booking paid for the screening when it moved: one alert each, with the new start. */
    @EventHandler
    void on(ScreeningRescheduledEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        for (AlertBookingEntry booking : bookings.findByScreeningIdAndStatusOrderByBookingId(
                event.screeningId().value(), BookingStatus.CONFIRMED)) {
            raise(
                    eventId,
                    booking,
                    AlertType.SCREENING_RESCHEDULED,
                    refs(booking),
                    AlertDetails.of(null, booking.seats()).withStartsAt(event.startsAt()),
                    at);
        }
    }

    private void raise(
            String eventId,
            AlertBookingEntry booking,
            AlertType type,
            AlertRefs refs,
            AlertDetails details,
            Instant at) {
        raise(eventId, AccountId.of(booking.customerId()), BookingId.of(booking.bookingId()), type, refs, details, at);
    }

    private void raise(
            String eventId,
            AccountId customer,
            BookingId booking,
            AlertType type,
            AlertRefs refs,
            AlertDetails details,
            Instant at) {
        commands.sendAndWait(new RaiseAlertCommand(
                InboxId.of(customer),
                customer,
                AlertId.derivedFrom(eventId, booking == null ? "" : booking.value()),
                type,
                refs,
                details,
                at));
    }

    private Optional<AlertBookingEntry> booking(BookingId bookingId) {
        Optional<AlertBookingEntry> booking = bookings.findById(bookingId.value());
        if (booking.isEmpty()) {
            log.warn("No alert: booking {} is not in the alert policy's index", bookingId);
        }
        return booking;
    }

    private AlertRefs refsOf(BookingId bookingId) {
        return bookings.findById(bookingId.value())
                .map(AlertPolicy::refs)
                .orElseGet(() -> AlertRefs.booking(bookingId, null));
    }

    private List<String> seatsOf(BookingId bookingId) {
        return bookings.findById(bookingId.value())
                .map(AlertBookingEntry::seats)
                .orElse(List.of());
    }

    private static AlertRefs refs(AlertBookingEntry booking) {
        return AlertRefs.booking(BookingId.of(booking.bookingId()), ScreeningId.of(booking.screeningId()));
    }
}
