package dev.cinema.command.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cinema.contracts.common.Money;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simulated provider: fixed test tokens, a configurable decline rate, and idempotency keys. */
class SimulatedPaymentServiceProviderTest {

    private static final Money AMOUNT = Money.of(2500, "EUR");
    private static final String OTHER_TOKEN = "tok_visa";

    private static SimulatedPaymentServiceProvider provider(double declineRate) {
        return new SimulatedPaymentServiceProvider(Duration.ZERO, declineRate, 42);
    }

    // ---------------------------------------------------------------- test tokens

    @Test
    void theSuccessTokenAlwaysCapturesEvenWhenEveryOtherPaymentIsDeclined() {
        SimulatedPaymentServiceProvider provider = provider(1.0);

        for (int i = 0; i < 20; i++) {
            PaymentServiceProvider.Charge answer = provider.charge("key-" + i, AMOUNT, "tok_success");
            assertThat(answer).isInstanceOf(PaymentServiceProvider.Captured.class);
            assertThat(((PaymentServiceProvider.Captured) answer).reference()).startsWith("ch_sim_");
        }
    }

    @Test
    void theDeclineTokenAlwaysDeclinesEvenWhenNothingElseIsDeclined() {
        SimulatedPaymentServiceProvider provider = provider(0.0);

        for (int i = 0; i < 20; i++) {
            assertThat(provider.charge("key-" + i, AMOUNT, "tok_decline"))
                    .isEqualTo(new PaymentServiceProvider.Declined("card_declined"));
        }
    }

    @Test
    void theTimeoutTokenNeverAnswers() {
        SimulatedPaymentServiceProvider provider = provider(0.0);

        assertThatThrownBy(() -> provider.charge("key-1", AMOUNT, "tok_timeout"))
                .isInstanceOf(PaymentServiceProvider.ProviderUnavailableException.class);
        assertThatThrownBy(() -> provider.charge("key-1", AMOUNT, "tok_timeout"))
                .isInstanceOf(PaymentServiceProvider.ProviderUnavailableException.class);
    }

    @Test
    void aTimedOutChargeRecordsNoAnswerForItsKey() {
        SimulatedPaymentServiceProvider provider = provider(1.0);

        assertThatThrownBy(() -> provider.charge("key-1", AMOUNT, "tok_timeout"))
                .isInstanceOf(PaymentServiceProvider.ProviderUnavailableException.class);

        assertThat(provider.charge("key-1", AMOUNT, "tok_success")).isInstanceOf(PaymentServiceProvider.Captured.class);
    }

    // ---------------------------------------------------------------- idempotency of charges

    @Test
    void theSameIdempotencyKeyIsAnsweredWithTheSameCaptureReference() {
        SimulatedPaymentServiceProvider provider = provider(0.0);

        PaymentServiceProvider.Charge first = provider.charge("key-1", AMOUNT, "tok_success");
        PaymentServiceProvider.Charge again = provider.charge("key-1", AMOUNT, "tok_success");

        assertThat(first).isInstanceOf(PaymentServiceProvider.Captured.class);
        assertThat(again).isEqualTo(first);
    }

    @Test
    void theSameIdempotencyKeyKeepsItsFirstAnswerWhateverIsSentWithItLater() {
        SimulatedPaymentServiceProvider provider = provider(0.0);

        PaymentServiceProvider.Charge first = provider.charge("key-1", AMOUNT, "tok_success");

        assertThat(provider.charge("key-1", Money.of(1, "EUR"), "tok_decline")).isEqualTo(first);
    }

    @Test
    void aDeclineIsRepeatedForItsIdempotencyKey() {
        SimulatedPaymentServiceProvider provider = provider(0.0);

        PaymentServiceProvider.Charge first = provider.charge("key-1", AMOUNT, "tok_decline");

        assertThat(provider.charge("key-1", AMOUNT, "tok_success")).isEqualTo(first);
    }

    @Test
    void differentIdempotencyKeysAreDifferentCaptures() {
        SimulatedPaymentServiceProvider provider = provider(0.0);

        PaymentServiceProvider.Charge first = provider.charge("key-1", AMOUNT, "tok_success");
        PaymentServiceProvider.Charge second = provider.charge("key-2", AMOUNT, "tok_success");

        assertThat(second).isNotEqualTo(first);
    }

    // ---------------------------------------------------------------- decline rate

    @Test
    void aDeclineRateOfOneDeclinesEveryOtherToken() {
        SimulatedPaymentServiceProvider provider = provider(1.0);

        for (int i = 0; i < 50; i++) {
            assertThat(provider.charge("key-" + i, AMOUNT, OTHER_TOKEN))
                    .isEqualTo(new PaymentServiceProvider.Declined("insufficient_funds"));
        }
    }

    @Test
    void aDeclineRateOfZeroCapturesEveryOtherToken() {
        SimulatedPaymentServiceProvider provider = provider(0.0);

        for (int i = 0; i < 50; i++) {
            assertThat(provider.charge("key-" + i, AMOUNT, OTHER_TOKEN))
                    .isInstanceOf(PaymentServiceProvider.Captured.class);
        }
    }

    @Test
    void theSameSeedDeclinesTheSameChargesInTheSameOrder() {
        SimulatedPaymentServiceProvider one = provider(0.5);
        SimulatedPaymentServiceProvider other = provider(0.5);

        for (int i = 0; i < 50; i++) {
            boolean declinedByOne =
                    one.charge("key-" + i, AMOUNT, OTHER_TOKEN) instanceof PaymentServiceProvider.Declined;
            boolean declinedByOther =
                    other.charge("key-" + i, AMOUNT, OTHER_TOKEN) instanceof PaymentServiceProvider.Declined;
            assertThat(declinedByOther).as("charge %d", i).isEqualTo(declinedByOne);
        }
    }

    // ---------------------------------------------------------------- refunds

    @Test
    void aRefundIsAnsweredWithARefundReference() {
        SimulatedPaymentServiceProvider provider = provider(0.0);

        assertThat(provider.refund("key-1-refund", "ch_sim_1", AMOUNT)).startsWith("re_sim_");
    }

    @Test
    void theSameRefundIdempotencyKeyIsAnsweredWithTheSameRefundReference() {
        SimulatedPaymentServiceProvider provider = provider(0.0);

        String first = provider.refund("key-1-refund", "ch_sim_1", AMOUNT);
        String again = provider.refund("key-1-refund", "ch_sim_1", AMOUNT);

        assertThat(again).isEqualTo(first);
    }

    @Test
    void differentRefundIdempotencyKeysAreDifferentRefunds() {
        SimulatedPaymentServiceProvider provider = provider(0.0);
        Set<String> references = new HashSet<>();

        references.add(provider.refund("key-1-refund", "ch_sim_1", AMOUNT));
        references.add(provider.refund("key-2-refund", "ch_sim_2", AMOUNT));

        assertThat(references).hasSize(2);
    }
}
