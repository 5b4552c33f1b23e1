package dev.cinema.command.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Selects the real provider with {@code cinema.payments.provider=http}; the simulated one is the default. */
@Configuration(proxyBeanMethods = false)
class PaymentProviderConfiguration {

    @Bean
    @ConditionalOnProperty(name = "cinema.payments.provider", havingValue = "http")
    PaymentServiceProvider httpPaymentServiceProvider(ObjectMapper objectMapper, PaymentProviderProperties properties) {
        PaymentProviderProperties.Http http = properties.http();
        if (http.baseUrl() == null || http.apiKey() == null || http.apiKey().isBlank()) {
            throw new IllegalStateException(
                    "cinema.payments.provider=http needs cinema.payments.http.base-url and .api-key");
        }
        return new HttpPaymentServiceProvider(
                http.baseUrl(), http.apiKey(), http.timeout(), http.maxAttempts(), http.firstBackoff(), objectMapper);
    }
}
