package dev.cinema.command.payment;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The payment provider: {@code provider} is {@code simulated} (the default) or {@code http}.
 *
 * @param simulated the simulated provider's behaviour
 * @param http      the Stripe-like HTTP provider's address and patience
 */
@ConfigurationProperties("cinema.payments")
record PaymentProviderProperties(
        @DefaultValue Simulated simulated, @DefaultValue Http http) {

    /**
     * @param latency     how long every call takes
     * @param declineRate the share of charges with an ordinary token that are declined
     * @param seed        the seed of those declines, so that a run can be repeated
     */
    record Simulated(
            @DefaultValue("PT0.05S") Duration latency,
            @DefaultValue("0.1") double declineRate,
            @DefaultValue("42") long seed) {}

    /**
     * @param baseUrl      the provider's API
     * @param apiKey       the secret key it is called with (bearer)
     * @param timeout      how long one call may take
     * @param maxAttempts  calls in all for one request, with the same idempotency key
     * @param firstBackoff the wait before the second call; it doubles after that
     */
    record Http(
            URI baseUrl,
            String apiKey,
            @DefaultValue("PT2S") Duration timeout,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("PT0.2S") Duration firstBackoff) {}
}
