package dev.cinema.command.payment;

import dev.cinema.contracts.common.Money;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The default provider: no network, configurable latency and decline rate, and test tokens with a
 * fixed outcome, as real providers offer them: {@code tok_success} always captures,
 * {@code tok_decline} always declines, {@code tok_timeout} never answers in time,
 * {@code tok_refund_fails_once} captures but fails its first refund attempt. Any other token
 * is declined at the configured rate. Like a real provider it remembers idempotency keys.
 */
@Component
@ConditionalOnProperty(name = "cinema.payments.provider", havingValue = "simulated", matchIfMissing = true)
class SimulatedPaymentServiceProvider implements PaymentServiceProvider {

    static final String ALWAYS_CAPTURED = "tok_success";
    static final String ALWAYS_DECLINED = "tok_decline";
    static final String ALWAYS_TIMES_OUT = "tok_timeout";
    /** Captures, but the first attempt to refund it finds the provider unavailable. */
    static final String REFUND_FAILS_ONCE = "tok_refund_fails_once";

    private final Duration latency;
    private final double declineRate;
    private final Random random;
    private final Map<String, Charge> charges = new ConcurrentHashMap<>();
    private final Map<String, String> refunds = new ConcurrentHashMap<>();
    private final Set<String> refundFailsOnce = ConcurrentHashMap.newKeySet();

    @Autowired
    SimulatedPaymentServiceProvider(PaymentProviderProperties properties) {
        this(
                properties.simulated().latency(),
                properties.simulated().declineRate(),
                properties.simulated().seed());
    }

    SimulatedPaymentServiceProvider(Duration latency, double declineRate, long seed) {
        this.latency = latency;
        this.declineRate = declineRate;
        this.random = new Random(seed);
    }

    @Override
    public Charge charge(String idempotencyKey, Money amount, String paymentMethod) {
        pause();
        if (ALWAYS_TIMES_OUT.equals(paymentMethod)) {
            throw new ProviderUnavailableException("The payment provider did not answer in time");
        }
        return charges.computeIfAbsent(idempotencyKey, key -> {
            if (ALWAYS_DECLINED.equals(paymentMethod)) {
                return new Declined("card_declined");
            }
            if (!ALWAYS_CAPTURED.equals(paymentMethod) && random.nextDouble() < declineRate) {
                return new Declined("insufficient_funds");
            }
            Captured captured = new Captured("ch_sim_" + UUID.randomUUID());
            if (REFUND_FAILS_ONCE.equals(paymentMethod)) {
                refundFailsOnce.add(captured.reference());
            }
            return captured;
        });
    }

    @Override
    public String refund(String idempotencyKey, String captureReference, Money amount) {
        pause();
        if (refundFailsOnce.remove(captureReference)) {
            throw new ProviderUnavailableException("The payment provider did not answer in time");
        }
        return refunds.computeIfAbsent(idempotencyKey, key -> "re_sim_" + UUID.randomUUID());
    }

    private void pause() {
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderUnavailableException("Interrupted while waiting for the payment provider");
            }
        }
    }
}
