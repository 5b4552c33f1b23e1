package dev.cinema.query.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentCapturedEvent;
import dev.cinema.contracts.payment.PaymentDeclinedEvent;
import dev.cinema.contracts.payment.PaymentHistoryEntry;
import dev.cinema.contracts.payment.PaymentId;
import dev.cinema.contracts.payment.PaymentRefundedEvent;
import dev.cinema.contracts.payment.PaymentRequestedEvent;
import dev.cinema.contracts.payment.PaymentStatus;
import dev.cinema.contracts.payment.RefundApprovedEvent;
import dev.cinema.contracts.payment.RefundCompletedEvent;
import dev.cinema.contracts.payment.RefundFailedEvent;
import dev.cinema.contracts.payment.RefundId;
import dev.cinema.contracts.payment.RefundRejectedEvent;
import dev.cinema.contracts.payment.RefundRequestedEvent;
import dev.cinema.contracts.payment.RefundRetryDueEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentStateTest {

    final PaymentId payment = PaymentId.random();
    final BookingId booking = BookingId.random();
    final AccountId customer = AccountId.random();
    final Money amount = Money.of(2732, "GBP");
    final Instant t0 = Instant.parse("2026-03-01T10:00:00Z");

    final PaymentRequestedEvent requested =
            new PaymentRequestedEvent(payment, booking, ScreeningId.random(), customer, amount, "tok_success");
    final PaymentCapturedEvent captured = new PaymentCapturedEvent(payment, booking, customer, amount, "ch_1");

    @Test
    void aPaymentIsCapturedThenRefundedInTwoStepsAndIsRefundedOnceNothingIsLeft() {
        PaymentState state = PaymentState.of(payment.value()).on(requested, t0);
        assertThat(state.status()).isEqualTo(PaymentStatus.REQUESTED);
        assertThat(state.captured()).isEqualTo(Money.of(0, "GBP"));

        state = state.on(captured, t0.plusSeconds(1));
        assertThat(state.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(state.captured()).isEqualTo(amount);
        assertThat(state.pspReference()).isEqualTo("ch_1");

        state = state.on(refund(1155, "re_1"), t0.plusSeconds(2), "e-1");
        assertThat(state.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(state.refunded()).isEqualTo(Money.of(1155, "GBP"));

        state = state.on(refund(1577, "re_2"), t0.plusSeconds(3), "e-2");
        assertThat(state.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(state.refunded()).isEqualTo(amount);
        assertThat(state.historyEntries())
                .extracting(PaymentHistoryEntry::kind, PaymentHistoryEntry::status, PaymentHistoryEntry::pspReference)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PAYMENT", PaymentStatus.CAPTURED, "ch_1"),
                        org.assertj.core.groups.Tuple.tuple("REFUND", PaymentStatus.REFUNDED, "re_1"),
                        org.assertj.core.groups.Tuple.tuple("REFUND", PaymentStatus.REFUNDED, "re_2"));
        assertThat(state.historyEntries().get(0).at())
                .as("the payment's entry is as of its capture")
                .isEqualTo(t0.plusSeconds(1));
    }

    @Test
    void repeatedEventsAndARequestAfterTheAnswerChangeNothing() {
        PaymentState once = PaymentState.of(payment.value())
                .on(requested, t0)
                .on(captured, t0.plusSeconds(1))
                .on(refund(1000, "re_1"), t0.plusSeconds(2), "e-1");
        PaymentState again = once.on(requested, t0.plusSeconds(9))
                .on(captured, t0.plusSeconds(1))
                .on(refund(1000, "re_1"), t0.plusSeconds(2), "e-1");
        assertThat(again).isEqualTo(once);
    }

    @Test
    void aDeclineChargesNothing() {
        PaymentState declined = PaymentState.of(payment.value())
                .on(requested, t0)
                .on(new PaymentDeclinedEvent(payment, booking, customer, amount, "insufficient_funds"), t0);
        assertThat(declined.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(declined.declineReason()).isEqualTo("insufficient_funds");
        assertThat(declined.captured()).isEqualTo(Money.of(0, "GBP"));
        assertThat(declined.historyEntries()).singleElement().satisfies(entry -> {
            assertThat(entry.reason()).isEqualTo("insufficient_funds");
            assertThat(entry.pspReference()).isNull();
        });
    }

    @Test
    void whatTheHistoryShowsFoldsBackToTheSamePayment() {
        PaymentState state = PaymentState.of(payment.value())
                .on(requested, t0)
                .on(captured, t0.plusSeconds(1))
                .on(refund(2732, "re_1"), t0.plusSeconds(2), "e-1");
        List<PaymentHistoryEntry> entries = state.historyEntries();
        PaymentState shown = PaymentState.shownAs(
                payment.value(),
                entries.get(0),
                List.of(new PaymentState.Refund(
                        "e-1", entries.get(1).amount(), "re_1", "customer-refund", t0.plusSeconds(2))));
        assertThat(shown).isEqualTo(state);
    }

    @Test
    void aRefundGoesFromRequestToCompletionThroughFailuresAndKeepsWhatThePolicyKept() {
        RefundId refund = RefundId.random();
        RefundState state = RefundState.requested(new RefundRequestedEvent(
                refund,
                booking,
                payment,
                customer,
                List.of("A1", "A2"),
                Money.of(3000, "EUR"),
                50,
                Money.of(1500, "EUR")));
        assertThat(state.status()).isEqualTo(RefundState.Status.REQUESTED);
        state = state.on(new RefundApprovedEvent(refund, booking, Money.of(1500, "EUR")));
        assertThat(state.kept())
                .as("nothing is kept before the money went back")
                .isEqualTo(Money.of(0, "EUR"));
        Instant retryAt = t0.plusSeconds(60);
        state = state.on(new RefundFailedEvent(refund, booking, customer, "provider-unavailable", 1, retryAt));
        assertThat(state.status()).isEqualTo(RefundState.Status.RETRYING);
        assertThat(state.retryAt()).isEqualTo(retryAt);
        assertThat(state.on(new RefundRetryDueEvent(refund))).isEqualTo(state);
        state = state.on(new RefundCompletedEvent(refund, booking, payment, customer, Money.of(1500, "EUR"), "re_9"));
        assertThat(state.status()).isEqualTo(RefundState.Status.COMPLETED);
        assertThat(state.retryAt()).isNull();
        assertThat(state.attempts()).isEqualTo(1);
        assertThat(state.kept()).isEqualTo(Money.of(1500, "EUR"));

        RefundState rejected = RefundState.requested(new RefundRequestedEvent(
                        refund,
                        booking,
                        payment,
                        customer,
                        List.of("A1"),
                        Money.of(1500, "EUR"),
                        0,
                        Money.of(0, "EUR")))
                .on(new RefundRejectedEvent(refund, booking, customer, "too-close-to-the-screening"));
        assertThat(rejected.status()).isEqualTo(RefundState.Status.REJECTED);
        assertThat(rejected.kept()).isEqualTo(Money.of(0, "EUR"));
    }

    private PaymentRefundedEvent refund(long minor, String reference) {
        return new PaymentRefundedEvent(
                payment, booking, customer, Money.of(minor, "GBP"), reference, "customer-refund");
    }
}
