package dev.cinema.command.payment;

import dev.cinema.contracts.common.Money;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Times every call to the payment service provider, whichever adapter is configured, by operation
 * and outcome: {@code cinema_payment_provider_seconds{operation=charge|refund,
 * outcome=captured|declined|refunded|unavailable|error}}. {@code unavailable} (no answer in time)
 * and {@code error} are the provider errors an operator watches; declines are the customers'.
 */
final class MeteredPaymentServiceProvider implements PaymentServiceProvider {

    private final PaymentServiceProvider delegate;
    private final MeterRegistry registry;

    MeteredPaymentServiceProvider(PaymentServiceProvider delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public Charge charge(String idempotencyKey, Money amount, String paymentMethod) {
        return timed(
                "charge",
                () -> delegate.charge(idempotencyKey, amount, paymentMethod),
                charge -> charge instanceof Captured ? "captured" : "declined");
    }

    @Override
    public String refund(String idempotencyKey, String captureReference, Money amount) {
        return timed(
                "refund", () -> delegate.refund(idempotencyKey, captureReference, amount), reference -> "refunded");
    }

    private <T> T timed(String operation, Supplier<T> call, Function<T, String> outcome) {
        long start = System.nanoTime();
        String result = "error";
        try {
            T answer = call.get();
            result = outcome.apply(answer);
            return answer;
        } catch (ProviderUnavailableException e) {
            result = "unavailable";
            throw e;
        } finally {
            Timer.builder("cinema.payment.provider")
                    .description("Calls to the payment service provider")
                    .tag("operation", operation)
                    .tag("outcome", result)
                    .register(registry)
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    /** Wraps the configured provider bean, simulated or HTTP, so that the domain code stays unaware. */
    @Component
    static class Metering implements BeanPostProcessor {

        private final ObjectProvider<MeterRegistry> registry;

        Metering(ObjectProvider<MeterRegistry> registry) {
            this.registry = registry;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof PaymentServiceProvider provider && !(bean instanceof MeteredPaymentServiceProvider)
                    ? new MeteredPaymentServiceProvider(provider, registry.getObject())
                    : bean;
        }
    }
}
