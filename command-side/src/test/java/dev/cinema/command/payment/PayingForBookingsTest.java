package dev.cinema.command.payment;

import static dev.cinema.command.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.cinema.command.booking.Bookings;
import dev.cinema.command.catalogue.screening.Screenings;
import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.ChargePaymentCommand;
import dev.cinema.contracts.payment.PaymentCapturedEvent;
import dev.cinema.contracts.payment.PaymentDeclinedEvent;
import dev.cinema.contracts.payment.PaymentId;
import dev.cinema.contracts.payment.PaymentRefundedEvent;
import dev.cinema.contracts.payment.PaymentRequestedEvent;
import dev.cinema.contracts.payment.PaymentStatus;
import dev.cinema.contracts.payment.RequestPaymentCommand;
import dev.cinema.platform.refusal.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Paying for a booking as a process: charge, then sell and confirm, or give the money back.
 *
 * <p>The payments are a real event-sourced repository over an in-memory event store, each command
 * handled in its own unit of work as Axon would; what the process recorded is read back from the
 * store. Bookings, seats, provider and clock are test doubles.
 */
class PayingForBookingsTest {

    private static final Instant NOW = Instant.parse("2030-03-01T12:05:00Z");

    private static final PaymentId PAYMENT = PaymentId.of("payment-1");
    private static final BookingId BOOKING = BookingId.of("booking-1");
    private static final ScreeningId SCREENING = ScreeningId.of("screening-1");
    private static final AccountId CUSTOMER = AccountId.of("customer-1");
    private static final Money AMOUNT = Money.of(2500, "EUR");
    private static final String METHOD = "tok_success";
    private static final String CAPTURE_REFERENCE = "ch_1";
    private static final String REFUND_REFERENCE = "re_1";

    private static final PaymentRequestedEvent REQUESTED =
            new PaymentRequestedEvent(PAYMENT, BOOKING, SCREENING, CUSTOMER, AMOUNT, METHOD);
    private static final PaymentCapturedEvent CAPTURED =
            new PaymentCapturedEvent(PAYMENT, BOOKING, CUSTOMER, AMOUNT, CAPTURE_REFERENCE);
    private static final PaymentDeclinedEvent DECLINED =
            new PaymentDeclinedEvent(PAYMENT, BOOKING, CUSTOMER, AMOUNT, "card_declined");
    private static final PaymentRefundedEvent REFUNDED =
            new PaymentRefundedEvent(PAYMENT, BOOKING, CUSTOMER, AMOUNT, REFUND_REFERENCE, "hold-expired");

    private EmbeddedEventStore eventStore;
    private Bookings bookings;
    private Screenings inventory;
    private PaymentServiceProvider provider;
    private PayingForBookings processing;

    @BeforeEach
    void setUp() {
        eventStore = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();
        Repository<Payment> payments = EventSourcingRepository.builder(Payment.class)
                .eventStore(eventStore)
                .build();
        bookings = mock(Bookings.class);
        inventory = mock(Screenings.class);
        provider = mock(PaymentServiceProvider.class);
        when(provider.refund(anyString(), anyString(), any())).thenReturn(REFUND_REFERENCE);
        processing = new PayingForBookings(payments, bookings, inventory, provider, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        eventStore.shutDown();
    }

    // ---------------------------------------------------------------- helpers

    private void given(Object... events) {
        for (int i = 0; i < events.length; i++) {
            eventStore.publish(new GenericDomainEventMessage<>("Payment", PAYMENT.value(), i, events[i]));
        }
    }

    private List<Object> recorded() {
        return eventStore
                .readEvents(PAYMENT.value())
                .asStream()
                .map(Message::getPayload)
                .map(Object.class::cast)
                .toList();
    }

    private void providerCaptures() {
        when(provider.charge(anyString(), any(), anyString()))
                .thenReturn(new PaymentServiceProvider.Captured(CAPTURE_REFERENCE));
    }

    private void providerDeclines() {
        when(provider.charge(anyString(), any(), anyString()))
                .thenReturn(new PaymentServiceProvider.Declined("card_declined"));
    }

    /** Handles the command in its own unit of work, which commits on success and rolls back on failure. */
    private static <R> R inUnitOfWork(Object command, Callable<R> handling) {
        DefaultUnitOfWork<?> unitOfWork =
                DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage(command));
        ResultMessage<R> result = unitOfWork.executeWithResult(handling);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failure);
        }
        return result.getPayload();
    }

    private PayingForBookings.Result charge() {
        ChargePaymentCommand command = new ChargePaymentCommand(PAYMENT);
        return inUnitOfWork(command, () -> processing.handle(command));
    }

    // ---------------------------------------------------------------- requesting

    @Test
    void requestingAPaymentRecordsItForWhatTheBookingSaysIsDueWithoutCallingTheProvider() {
        when(bookings.amountDue(BOOKING, CUSTOMER)).thenReturn(new Bookings.Due(SCREENING, AMOUNT));
        RequestPaymentCommand command = new RequestPaymentCommand(PAYMENT, BOOKING, CUSTOMER, METHOD);

        inUnitOfWork(command, () -> {
            processing.handle(command);
            return null;
        });

        assertThat(recorded()).containsExactly(REQUESTED);
        verifyNoInteractions(provider, inventory);
    }

    @Test
    void aPaymentTheBookingRefusesIsNotRecorded() {
        when(bookings.amountDue(BOOKING, CUSTOMER)).thenThrow(new Refusal("booking-not-held", null, "expired"));
        RequestPaymentCommand command = new RequestPaymentCommand(PAYMENT, BOOKING, CUSTOMER, METHOD);

        assertRefused(
                () -> inUnitOfWork(command, () -> {
                    processing.handle(command);
                    return null;
                }),
                "booking-not-held",
                null);
        assertThat(recorded()).isEmpty();
    }

    // ---------------------------------------------------------------- charging and settling

    @Test
    void aCapturedPaymentSellsTheHeldSeatsConfirmsTheBookingAndKeepsTheMoney() {
        given(REQUESTED);
        providerCaptures();
        when(bookings.isConfirmedBy(BOOKING, PAYMENT)).thenReturn(false);
        when(inventory.sell(SCREENING, BOOKING, NOW)).thenReturn(true);
        when(bookings.confirm(BOOKING, PAYMENT)).thenReturn(true);

        PayingForBookings.Result outcome = charge();

        assertThat(outcome)
                .isEqualTo(new PayingForBookings.Result(PAYMENT, BOOKING, PaymentStatus.CAPTURED, true, AMOUNT));
        verify(provider).charge(PAYMENT.value(), AMOUNT, METHOD);
        verify(inventory).sell(SCREENING, BOOKING, NOW);
        verify(bookings).confirm(BOOKING, PAYMENT);
        verify(inventory, never()).returnSold(any(), any(), any());
        verify(provider, never()).refund(anyString(), anyString(), any());
        assertThat(recorded()).containsExactly(REQUESTED, CAPTURED);
    }

    @Test
    void aPaymentCapturedAfterTheHoldRanOutIsRefundedInFullAndTheBookingIsNotConfirmed() {
        given(REQUESTED);
        providerCaptures();
        when(inventory.sell(SCREENING, BOOKING, NOW)).thenReturn(false);

        PayingForBookings.Result outcome = charge();

        assertThat(outcome)
                .isEqualTo(new PayingForBookings.Result(PAYMENT, BOOKING, PaymentStatus.REFUNDED, false, AMOUNT));
        verify(provider).refund(PAYMENT.value() + "-refund", CAPTURE_REFERENCE, AMOUNT);
        verify(bookings, never()).confirm(any(), any());
        verify(inventory, never()).returnSold(any(), any(), any());
        assertThat(recorded()).containsExactly(REQUESTED, CAPTURED, REFUNDED);
    }

    @Test
    void aReplayedChargeOfAPaymentThatAlreadyConfirmedItsBookingNeitherSellsNorRefundsNorChargesAgain() {
        given(REQUESTED, CAPTURED);
        when(bookings.isConfirmedBy(BOOKING, PAYMENT)).thenReturn(true);

        PayingForBookings.Result outcome = charge();

        assertThat(outcome)
                .isEqualTo(new PayingForBookings.Result(PAYMENT, BOOKING, PaymentStatus.CAPTURED, true, AMOUNT));
        verifyNoInteractions(provider, inventory);
        verify(bookings, never()).confirm(any(), any());
        assertThat(recorded()).containsExactly(REQUESTED, CAPTURED);
    }

    @Test
    void aCapturedPaymentForABookingCancelledMeanwhileReleasesTheSoldSeatsAndIsRefunded() {
        given(REQUESTED);
        providerCaptures();
        when(inventory.sell(SCREENING, BOOKING, NOW)).thenReturn(true);
        when(bookings.confirm(BOOKING, PAYMENT)).thenReturn(false);

        PayingForBookings.Result outcome = charge();

        assertThat(outcome)
                .isEqualTo(new PayingForBookings.Result(PAYMENT, BOOKING, PaymentStatus.REFUNDED, false, AMOUNT));
        verify(inventory).returnSold(SCREENING, BOOKING, null);
        verify(provider).refund(PAYMENT.value() + "-refund", CAPTURE_REFERENCE, AMOUNT);
        assertThat(recorded()).containsExactly(REQUESTED, CAPTURED, REFUNDED);
    }

    @Test
    void aDeclinedPaymentSellsNothingConfirmsNothingAndRefundsNothing() {
        given(REQUESTED);
        providerDeclines();

        PayingForBookings.Result outcome = charge();

        assertThat(outcome)
                .isEqualTo(new PayingForBookings.Result(PAYMENT, BOOKING, PaymentStatus.DECLINED, false, AMOUNT));
        verifyNoInteractions(inventory, bookings);
        verify(provider, never()).refund(anyString(), anyString(), any());
        assertThat(recorded()).containsExactly(REQUESTED, DECLINED);
    }

    @Test
    void chargingADeclinedPaymentAgainAnswersTheDeclineWithoutAskingTheProvider() {
        given(REQUESTED, DECLINED);

        PayingForBookings.Result outcome = charge();

        assertThat(outcome.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(outcome.bookingConfirmed()).isFalse();
        verifyNoInteractions(provider, inventory, bookings);
        assertThat(recorded()).containsExactly(REQUESTED, DECLINED);
    }

    @Test
    void chargingARefundedPaymentAgainAnswersTheRefundWithoutMovingMoneyOrSeats() {
        given(REQUESTED, CAPTURED, REFUNDED);

        PayingForBookings.Result outcome = charge();

        assertThat(outcome.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(outcome.bookingConfirmed()).isFalse();
        verifyNoInteractions(provider, inventory, bookings);
        assertThat(recorded()).containsExactly(REQUESTED, CAPTURED, REFUNDED);
    }

    @Test
    void aProviderThatDoesNotAnswerIsAServiceUnavailableRefusalAndRecordsNothing() {
        given(REQUESTED);
        when(provider.charge(anyString(), any(), anyString()))
                .thenThrow(new PaymentServiceProvider.ProviderUnavailableException("timed out"));

        assertRefused(this::charge, "provider-unavailable", null);

        verifyNoInteractions(inventory, bookings);
        assertThat(recorded()).containsExactly(REQUESTED);
    }

    @Test
    void aRetryAfterTheProviderDidNotAnswerChargesAgainWithTheSameIdempotencyKey() {
        given(REQUESTED);
        when(provider.charge(anyString(), any(), anyString()))
                .thenThrow(new PaymentServiceProvider.ProviderUnavailableException("timed out"))
                .thenReturn(new PaymentServiceProvider.Captured(CAPTURE_REFERENCE));
        when(inventory.sell(SCREENING, BOOKING, NOW)).thenReturn(true);
        when(bookings.confirm(BOOKING, PAYMENT)).thenReturn(true);

        assertRefused(this::charge, "provider-unavailable", null);
        PayingForBookings.Result outcome = charge();

        assertThat(outcome.bookingConfirmed()).isTrue();
        verify(provider, times(2)).charge(PAYMENT.value(), AMOUNT, METHOD);
        assertThat(recorded()).containsExactly(REQUESTED, CAPTURED);
    }

    @Test
    void settlingThatFailsAfterTheCaptureRecordsNothingSoARetryIsAnsweredByTheProviderAgain() {
        given(REQUESTED);
        providerCaptures();
        when(inventory.sell(SCREENING, BOOKING, NOW))
                .thenThrow(new Refusal("screening-not-found", "screeningId", "gone"))
                .thenReturn(true);
        when(bookings.confirm(BOOKING, PAYMENT)).thenReturn(true);

        assertRefused(this::charge, "screening-not-found", "screeningId");
        assertThat(recorded()).containsExactly(REQUESTED);

        PayingForBookings.Result outcome = charge();
        assertThat(outcome.bookingConfirmed()).isTrue();
        verify(provider, times(2)).charge(PAYMENT.value(), AMOUNT, METHOD);
        assertThat(recorded()).containsExactly(REQUESTED, CAPTURED);
    }

    @Test
    void chargingAPaymentThatWasNeverRequestedIsRefusedAsNotFound() {
        assertRefused(this::charge, "payment-not-found", null);
        verifyNoInteractions(provider, inventory, bookings);
    }
}
