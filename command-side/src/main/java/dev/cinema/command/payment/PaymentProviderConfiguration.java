package dev.cinema.command.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Selects the real provider with {@code cinema.payments.provider=http}; the simulated one is the default. */
@Configuration(proxyBeanMethods = false)
class PaymentProviderConfiguration {

    @Bean
    @ConditionalOnProperty(name = "cinema.payments.provider", havingValue = "http")
    PaymentServiceProvider httpPaymentServiceProvider(
            ObjectMapper objectMapper,
            @Value("${cinema.payments.http.base-url}") URI baseUrl,
            @Value("${cinema.payments.http.api-key}") String apiKey,
            @Value("${cinema.payments.http.timeout:PT2S}") Duration timeout,
            @Value("${cinema.payments.http.max-attempts:3}") int maxAttempts,
            @Value("${cinema.payments.http.first-backoff:PT0.2S}") Duration firstBackoff) {
        return new HttpPaymentServiceProvider(baseUrl, apiKey, timeout, maxAttempts, firstBackoff, objectMapper);
    }
}
