package dev.cinema.command.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

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
import dev.cinema.contracts.booking.BookingPlacedEvent;
import dev.cinema.contracts.booking.BookingStatus;
import dev.cinema.contracts.booking.ReleaseReason;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.booking.SeatsReleasedEvent;
import dev.cinema.contracts.catalogue.screen.ScreenId;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.catalogue.screening.ScreeningRescheduledEvent;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentDeclinedEvent;
import dev.cinema.contracts.payment.PaymentId;
import dev.cinema.contracts.payment.PaymentRefundedEvent;
import dev.cinema.contracts.payment.RefundCompletedEvent;
import dev.cinema.contracts.payment.RefundFailedEvent;
import dev.cinema.contracts.payment.RefundId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Given the events a customer's booking, payment, refund or screening goes through: the alerts the policy asks for. */
class AlertPolicyTest {

    private static final Instant AT = Instant.parse("2030-03-01T12:00:00Z");
    private static final String EVENT = "event-1";
    private static final AccountId CUSTOMER = AccountId.of("customer-1");
    private static final InboxId INBOX = InboxId.of(CUSTOMER);
    private static final BookingId BOOKING = BookingId.of("booking-1");
    private static final ScreeningId SCREENING = ScreeningId.of("screening-1");
    private static final PaymentId PAYMENT = PaymentId.of("payment-1");
    private static final Money TOTAL = Money.of(2500, "EUR");

    private final AlertBookingIndex index = mock(AlertBookingIndex.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final AlertPolicy policy = new AlertPolicy(index, commands);

    private static AlertBookingEntry entry(String booking, String customer, String... seats) {
        return new AlertBookingEntry(booking, customer, SCREENING.value(), List.of(seats), 0);
    }

    private void known(AlertBookingEntry entry) {
        when(index.findById(entry.bookingId())).thenReturn(Optional.of(entry));
    }

    private static RaiseAlertCommand expected(AlertType type, AlertRefs refs, AlertDetails details) {
        return new RaiseAlertCommand(
                INBOX, CUSTOMER, AlertId.derivedFrom(EVENT, BOOKING.value()), type, refs, details, AT);
    }

    private static AlertRefs bookingRefs() {
        return AlertRefs.booking(BOOKING, SCREENING);
    }

    // ---------------------------------------------------------------- bookings

    @Test
    void aConfirmedBookingTellsItsCustomerWithTheSeatsAndWhatWasPaid() {
        known(entry(BOOKING.value(), CUSTOMER.value(), "A1", "A2"));

        policy.on(new BookingConfirmedEvent(BOOKING, SCREENING, PAYMENT, TOTAL), EVENT, AT);

        verify(commands)
                .sendAndWait(expected(
                        AlertType.BOOKING_CONFIRMED,
                        bookingRefs().withPayment(PAYMENT),
                        AlertDetails.of(TOTAL, List.of("A1", "A2"))));
    }

    @Test
    void theSameTriggerHandledTwiceAsksForTheSameAlertWhichTheInboxThenIgnores() {
        known(entry(BOOKING.value(), CUSTOMER.value(), "A1"));
        BookingConfirmedEvent confirmed = new BookingConfirmedEvent(BOOKING, SCREENING, PAYMENT, TOTAL);

        policy.on(confirmed, EVENT, AT);
        policy.on(confirmed, EVENT, AT);

        ArgumentCaptor<RaiseAlertCommand> sent = ArgumentCaptor.forClass(RaiseAlertCommand.class);
        verify(commands, times(2)).sendAndWait(sent.capture());
        assertThat(sent.getAllValues().get(0).alertId())
                .isEqualTo(sent.getAllValues().get(1).alertId());
    }

    @Test
    void aBookingThePolicyDoesNotKnowRaisesNothing() {
        when(index.findById(any())).thenReturn(Optional.empty());

        policy.on(new BookingConfirmedEvent(BOOKING, SCREENING, PAYMENT, TOTAL), EVENT, AT);
        policy.on(new BookingExpiredEvent(BOOKING, SCREENING), EVENT, AT);

        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aHoldRunningOutSoonRemindsItsCustomerWhenItExpires() {
        Instant expiresAt = AT.plusSeconds(120);
        known(entry(BOOKING.value(), CUSTOMER.value(), "B3"));

        policy.on(new BookingHoldExpiringEvent(BOOKING, SCREENING, CUSTOMER, expiresAt), EVENT, AT);

        verify(commands)
                .sendAndWait(expected(
                        AlertType.HOLD_EXPIRING,
                        bookingRefs(),
                        AlertDetails.of(null, List.of("B3")).withExpiresAt(expiresAt)));
    }

    @Test
    void anExpiredHoldTellsItsCustomerWhichSeatsWentBack() {
        known(entry(BOOKING.value(), CUSTOMER.value(), "B3", "B4"));

        policy.on(new BookingExpiredEvent(BOOKING, SCREENING), EVENT, AT);

        verify(commands)
                .sendAndWait(
                        expected(AlertType.HOLD_EXPIRED, bookingRefs(), AlertDetails.of(null, List.of("B3", "B4"))));
    }

    // ---------------------------------------------------------------- payments and refunds

    @Test
    void aDeclinedPaymentTellsItsCustomerTheAmountAndTheProvidersReason() {
        known(entry(BOOKING.value(), CUSTOMER.value(), "A1"));

        policy.on(new PaymentDeclinedEvent(PAYMENT, BOOKING, CUSTOMER, TOTAL, "card_declined"), EVENT, AT);

        verify(commands)
                .sendAndWait(expected(
                        AlertType.PAYMENT_DECLINED,
                        bookingRefs().withPayment(PAYMENT),
                        AlertDetails.of(TOTAL, List.of("A1")).withReason("card_declined")));
    }

    @Test
    void aPaymentRefundedBecauseItCameTooLateTellsItsCustomer() {
        known(entry(BOOKING.value(), CUSTOMER.value(), "A1"));

        policy.on(
                new PaymentRefundedEvent(PAYMENT, BOOKING, CUSTOMER, TOTAL, "re_1", PaymentRefundedEvent.HOLD_EXPIRED),
                EVENT,
                AT);

        verify(commands)
                .sendAndWait(expected(
                        AlertType.LATE_PAYMENT_REFUNDED,
                        bookingRefs().withPayment(PAYMENT),
                        AlertDetails.of(TOTAL, List.of("A1"))));
    }

    @Test
    void otherPaymentRefundsAreToldWhenTheirRefundCompletes() {
        for (String reason : List.of(PaymentRefundedEvent.CUSTOMER_REFUND, PaymentRefundedEvent.SCREENING_CANCELLED)) {
            policy.on(new PaymentRefundedEvent(PAYMENT, BOOKING, CUSTOMER, TOTAL, "re_1", reason), EVENT, AT);
        }

        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aCompletedRefundTellsItsCustomerTheAmount() {
        RefundId refund = RefundId.of("refund-1");
        known(entry(BOOKING.value(), CUSTOMER.value(), "A1"));

        policy.on(
                new RefundCompletedEvent(refund, BOOKING, PAYMENT, CUSTOMER, Money.of(1250, "EUR"), "re_1"), EVENT, AT);

        verify(commands)
                .sendAndWait(expected(
                        AlertType.REFUND_COMPLETED,
                        bookingRefs().withPayment(PAYMENT).withRefund(refund),
                        AlertDetails.of(Money.of(1250, "EUR"), List.of())));
    }

    @Test
    void aRefundThatFailsTellsItsCustomerOnceWhenItIsTriedAgain() {
        RefundId refund = RefundId.of("refund-1");
        Instant retryAt = AT.plusSeconds(60);
        known(entry(BOOKING.value(), CUSTOMER.value(), "A1"));

        policy.on(new RefundFailedEvent(refund, BOOKING, CUSTOMER, "provider-unavailable", 1, retryAt), EVENT, AT);
        policy.on(
                new RefundFailedEvent(refund, BOOKING, CUSTOMER, "provider-unavailable", 2, retryAt.plusSeconds(60)),
                "event-2",
                AT);

        verify(commands)
                .sendAndWait(expected(
                        AlertType.REFUND_FAILED,
                        bookingRefs().withRefund(refund),
                        AlertDetails.none().withRetryAt(retryAt).withReason("provider-unavailable")));
        verify(commands, times(1)).sendAndWait(any());
    }

    // ---------------------------------------------------------------- screenings

    @Test
    void aPaidBookingOfACancelledScreeningIsToldWhatWasRefundedOnceItsRefundCompletes() {
        RefundId refund = RefundId.forCancelledScreening(BOOKING);
        known(entry(BOOKING.value(), CUSTOMER.value(), "A1", "A2"));

        policy.on(new RefundCompletedEvent(refund, BOOKING, PAYMENT, CUSTOMER, TOTAL, "re_1"), EVENT, AT);

        verify(commands)
                .sendAndWait(expected(
                        AlertType.SCREENING_CANCELLED,
                        bookingRefs().withPayment(PAYMENT).withRefund(refund),
                        AlertDetails.of(TOTAL, List.of("A1", "A2"))));
    }

    @Test
    void aHeldBookingOfACancelledScreeningIsToldItsHoldWasReleasedAndNothingCharged() {
        known(entry(BOOKING.value(), CUSTOMER.value(), "C1"));

        policy.on(
                new SeatsReleasedEvent(SCREENING, BOOKING, List.of("C1"), ReleaseReason.SCREENING_CANCELLED),
                EVENT,
                AT);

        verify(commands)
                .sendAndWait(
                        expected(AlertType.SCREENING_CANCELLED, bookingRefs(), AlertDetails.of(null, List.of("C1"))));
    }

    @Test
    void seatsReleasedForAnyOtherReasonRaiseNothing() {
        known(entry(BOOKING.value(), CUSTOMER.value(), "C1"));

        for (ReleaseReason reason : ReleaseReason.values()) {
            if (reason != ReleaseReason.SCREENING_CANCELLED) {
                policy.on(new SeatsReleasedEvent(SCREENING, BOOKING, List.of("C1"), reason), EVENT, AT);
            }
        }

        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aRescheduledScreeningTellsEveryCustomerWhoPaidForItOneAlertPerBooking() {
        Instant startsAt = AT.plusSeconds(86_400);
        AlertBookingEntry mine = entry(BOOKING.value(), CUSTOMER.value(), "A1");
        AlertBookingEntry theirs = entry("booking-2", "customer-2", "B1", "B2");
        when(index.findByScreeningIdAndStatusOrderByBookingId(SCREENING.value(), BookingStatus.CONFIRMED))
                .thenReturn(List.of(mine, theirs));

        policy.on(
                new ScreeningRescheduledEvent(SCREENING, ScreenId.of("screen-1"), startsAt, startsAt.plusSeconds(6000)),
                EVENT,
                AT);

        verify(commands)
                .sendAndWait(expected(
                        AlertType.SCREENING_RESCHEDULED,
                        bookingRefs(),
                        AlertDetails.of(null, List.of("A1")).withStartsAt(startsAt)));
        AccountId other = AccountId.of("customer-2");
        verify(commands)
                .sendAndWait(new RaiseAlertCommand(
                        InboxId.of(other),
                        other,
                        AlertId.derivedFrom(EVENT, "booking-2"),
                        AlertType.SCREENING_RESCHEDULED,
                        AlertRefs.booking(BookingId.of("booking-2"), SCREENING),
                        AlertDetails.of(null, List.of("B1", "B2")).withStartsAt(startsAt),
                        AT));
    }

    // ---------------------------------------------------------------- replay

    /**
     * The processor's first token replays history up to the head: the booking index folds it,
     * the policy raises nothing for it.
     */
    @Test
    void historyReplayedToThePolicyRaisesNothingWhileItsBookingIndexFoldsIt() throws Exception {
        TrackingToken replaying =
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10), new GlobalSequenceTrackingToken(5));
        known(entry(BOOKING.value(), CUSTOMER.value(), "A1"));
        BookingPlacedEvent placed = new BookingPlacedEvent(
                BOOKING,
                SCREENING,
                CUSTOMER,
                List.of(new SeatPrice("A1", SeatType.STANDARD, TOTAL)),
                TOTAL,
                AT.plusSeconds(600));

        new AnnotationEventHandlerAdapter(policy)
                .handle(replayed(replaying, new BookingConfirmedEvent(BOOKING, SCREENING, PAYMENT, TOTAL)));
        // The index meets the booking's placement for the first time.
        when(index.findById(BOOKING.value())).thenReturn(Optional.empty());
        new AnnotationEventHandlerAdapter(new AlertBookingIndexUpdater(index)).handle(replayed(replaying, placed));

        verify(commands, never()).sendAndWait(any());
        verify(index).save(any(AlertBookingEntry.class));
    }

    private static GenericTrackedDomainEventMessage<?> replayed(TrackingToken token, Object event) {
        return new GenericTrackedDomainEventMessage<>(
                token, new GenericDomainEventMessage<>("Booking", BOOKING.value(), 1, event));
    }
}
