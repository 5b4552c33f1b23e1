package dev.cinema.command.payment;

import static dev.cinema.command.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentCapturedEvent;
import dev.cinema.contracts.payment.PaymentDeclinedEvent;
import dev.cinema.contracts.payment.PaymentId;
import dev.cinema.contracts.payment.PaymentRefundedEvent;
import dev.cinema.contracts.payment.PaymentRequestedEvent;
import dev.cinema.contracts.payment.PaymentStatus;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A payment: charged once through the provider, answered once, refunded at most once. */
class PaymentTest {

    private static final PaymentId PAYMENT = PaymentId.of("payment-1");
    private static final BookingId BOOKING = BookingId.of("booking-1");
    private static final ScreeningId SCREENING = ScreeningId.of("screening-1");
    private static final AccountId CUSTOMER = AccountId.of("customer-1");
    private static final Money AMOUNT = Money.of(2500, "EUR");
    private static final String METHOD = "tok_success";
    private static final String CAPTURE_REFERENCE = "ch_1";
    private static final String REFUND_REFERENCE = "re_1";
    private static final String REFUND_KEY = PAYMENT.value() + "-refund";

    private static final PaymentRequestedEvent REQUESTED =
            new PaymentRequestedEvent(PAYMENT, BOOKING, SCREENING, CUSTOMER, AMOUNT, METHOD);
    private static final PaymentCapturedEvent CAPTURED =
            new PaymentCapturedEvent(PAYMENT, BOOKING, CUSTOMER, AMOUNT, CAPTURE_REFERENCE);
    private static final PaymentDeclinedEvent DECLINED =
            new PaymentDeclinedEvent(PAYMENT, BOOKING, CUSTOMER, AMOUNT, "card_declined");
    private static final PaymentRefundedEvent REFUNDED =
            new PaymentRefundedEvent(PAYMENT, BOOKING, CUSTOMER, AMOUNT, REFUND_REFERENCE, "hold-expired");

    private FixtureConfiguration<Payment> fixture;
    private PaymentServiceProvider provider;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
        provider = mock(PaymentServiceProvider.class);
    }

    private void providerAnswers(PaymentServiceProvider.Charge answer) {
        when(provider.charge(anyString(), any(), anyString())).thenReturn(answer);
    }

    // ---------------------------------------------------------------- requesting

    @Test
    void requestingAPaymentRecordsItBeforeAnyMoneyMoves() {
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> new Payment(PAYMENT, BOOKING, SCREENING, CUSTOMER, AMOUNT, METHOD))
                .expectEvents(REQUESTED);
        verifyNoInteractions(provider);
    }

    // ---------------------------------------------------------------- charging

    @Test
    void chargingAPaymentTheProviderCapturesEmitsPaymentCapturedWithTheProvidersReference() {
        providerAnswers(new PaymentServiceProvider.Captured(CAPTURE_REFERENCE));
        AtomicReference<Payment.Settlement> settlement = new AtomicReference<>();

        fixture.given(REQUESTED)
                .whenInvoking(PAYMENT.value(), payment -> settlement.set(payment.charge(provider)))
                .expectEvents(CAPTURED);
        assertThat(settlement).hasValue(new Payment.Settlement(PaymentStatus.CAPTURED, BOOKING, SCREENING));
    }

    @Test
    void chargingAPaymentTheProviderDeclinesEmitsPaymentDeclinedWithTheProvidersReason() {
        providerAnswers(new PaymentServiceProvider.Declined("card_declined"));
        AtomicReference<Payment.Settlement> settlement = new AtomicReference<>();

        fixture.given(REQUESTED)
                .whenInvoking(PAYMENT.value(), payment -> settlement.set(payment.charge(provider)))
                .expectEvents(DECLINED);
        assertThat(settlement).hasValue(new Payment.Settlement(PaymentStatus.DECLINED, BOOKING, SCREENING));
    }

    @Test
    void theProviderIsChargedWithThePaymentIdAsIdempotencyKeyForTheWholeAmountAndTheCustomersToken() {
        providerAnswers(new PaymentServiceProvider.Captured(CAPTURE_REFERENCE));

        fixture.given(REQUESTED)
                .whenInvoking(PAYMENT.value(), payment -> payment.charge(provider))
                .expectSuccessfulHandlerExecution();
        verify(provider).charge(PAYMENT.value(), AMOUNT, METHOD);
        verifyNoMoreInteractions(provider);
    }

    @Test
    void chargingACapturedPaymentAgainEmitsNothingAndDoesNotCallTheProviderAgain() {
        AtomicReference<Payment.Settlement> settlement = new AtomicReference<>();

        fixture.given(REQUESTED, CAPTURED)
                .whenInvoking(PAYMENT.value(), payment -> settlement.set(payment.charge(provider)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        verifyNoInteractions(provider);
        assertThat(settlement).hasValue(new Payment.Settlement(PaymentStatus.CAPTURED, BOOKING, SCREENING));
    }

    @Test
    void chargingADeclinedPaymentAgainKeepsTheDeclineAndDoesNotCallTheProviderAgain() {
        AtomicReference<Payment.Settlement> settlement = new AtomicReference<>();

        fixture.given(REQUESTED, DECLINED)
                .whenInvoking(PAYMENT.value(), payment -> settlement.set(payment.charge(provider)))
                .expectNoEvents();
        verifyNoInteractions(provider);
        assertThat(settlement.get().status()).isEqualTo(PaymentStatus.DECLINED);
    }

    @Test
    void chargingARefundedPaymentAgainNeitherChargesNorEmitsAnything() {
        AtomicReference<Payment.Settlement> settlement = new AtomicReference<>();

        fixture.given(REQUESTED, CAPTURED, REFUNDED)
                .whenInvoking(PAYMENT.value(), payment -> settlement.set(payment.charge(provider)))
                .expectNoEvents();
        verifyNoInteractions(provider);
        assertThat(settlement.get().status()).isEqualTo(PaymentStatus.REFUNDED);
    }

    @Test
    void chargingTwiceInARowCallsTheProviderOnceAndEmitsOneCapture() {
        providerAnswers(new PaymentServiceProvider.Captured(CAPTURE_REFERENCE));

        fixture.given(REQUESTED)
                .whenInvoking(PAYMENT.value(), payment -> {
                    payment.charge(provider);
                    payment.charge(provider);
                })
                .expectEvents(CAPTURED);
        verify(provider, times(1)).charge(PAYMENT.value(), AMOUNT, METHOD);
    }

    @Test
    void aProviderThatDoesNotAnswerLeavesThePaymentRequestedAndTheFailurePropagates() {
        when(provider.charge(anyString(), any(), anyString()))
                .thenThrow(new PaymentServiceProvider.ProviderUnavailableException("timed out"));

        fixture.given(REQUESTED)
                .whenInvoking(PAYMENT.value(), payment -> payment.charge(provider))
                .expectException(PaymentServiceProvider.ProviderUnavailableException.class)
                .expectNoEvents();
    }

    @Test
    void aPaymentLeftRequestedByAnUnansweredChargeIsChargedAgainWithTheSameIdempotencyKey() {
        // The earlier attempt timed out and recorded nothing: the payment is still just requested.
        providerAnswers(new PaymentServiceProvider.Captured(CAPTURE_REFERENCE));

        fixture.given(REQUESTED)
                .whenInvoking(PAYMENT.value(), payment -> payment.charge(provider))
                .expectEvents(CAPTURED);
        verify(provider).charge(PAYMENT.value(), AMOUNT, METHOD);
    }

    // ---------------------------------------------------------------- refunding

    @Test
    void refundingACapturedPaymentRefundsTheCaptureInFullUnderItsOwnKeyAndEmitsPaymentRefunded() {
        when(provider.refund(anyString(), anyString(), any())).thenReturn(REFUND_REFERENCE);

        fixture.given(REQUESTED, CAPTURED)
                .whenInvoking(PAYMENT.value(), payment -> payment.refundInFull(provider, "hold-expired"))
                .expectEvents(REFUNDED);
        verify(provider).refund(REFUND_KEY, CAPTURE_REFERENCE, AMOUNT);
        verifyNoMoreInteractions(provider);
    }

    @Test
    void refundingARefundedPaymentAgainEmitsNothingAndDoesNotCallTheProvider() {
        fixture.given(REQUESTED, CAPTURED, REFUNDED)
                .whenInvoking(PAYMENT.value(), payment -> payment.refundInFull(provider, "hold-expired"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        verifyNoInteractions(provider);
    }

    @Test
    void refundingTwiceInARowRefundsOnceAndEmitsOneRefund() {
        when(provider.refund(anyString(), anyString(), any())).thenReturn(REFUND_REFERENCE);

        fixture.given(REQUESTED, CAPTURED)
                .whenInvoking(PAYMENT.value(), payment -> {
                    payment.refundInFull(provider, "hold-expired");
                    payment.refundInFull(provider, "hold-expired");
                })
                .expectEvents(REFUNDED);
        verify(provider, times(1)).refund(REFUND_KEY, CAPTURE_REFERENCE, AMOUNT);
    }

    @Test
    void refundingADeclinedPaymentIsRefused() {
        fixture.given(REQUESTED, DECLINED)
                .whenInvoking(PAYMENT.value(), payment -> payment.refundInFull(provider, "hold-expired"))
                .expectException(refusal("payment-not-captured", null))
                .expectNoEvents();
        verifyNoInteractions(provider);
    }

    @Test
    void refundingAPaymentStillAwaitingTheProvidersAnswerIsRefused() {
        fixture.given(REQUESTED)
                .whenInvoking(PAYMENT.value(), payment -> payment.refundInFull(provider, "hold-expired"))
                .expectException(refusal("payment-not-captured", null))
                .expectNoEvents();
        verifyNoInteractions(provider);
    }

    @Test
    void aRefundTheProviderDoesNotAnswerRecordsNothing() {
        when(provider.refund(anyString(), anyString(), any()))
                .thenThrow(new PaymentServiceProvider.ProviderUnavailableException("timed out"));

        fixture.given(REQUESTED, CAPTURED)
                .whenInvoking(PAYMENT.value(), payment -> payment.refundInFull(provider, "hold-expired"))
                .expectException(PaymentServiceProvider.ProviderUnavailableException.class)
                .expectNoEvents();
    }

    @Test
    void aPaymentAnswersItsAmount() {
        AtomicReference<Money> amount = new AtomicReference<>();

        fixture.given(REQUESTED)
                .whenInvoking(PAYMENT.value(), payment -> amount.set(payment.amount()))
                .expectNoEvents();
        assertThat(amount).hasValue(AMOUNT);
    }
}
