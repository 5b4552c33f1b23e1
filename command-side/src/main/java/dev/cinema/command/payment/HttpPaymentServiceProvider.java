package dev.cinema.command.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cinema.contracts.common.Money;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapter for a Stripe-like REST provider: {@code POST /v1/charges} and {@code POST /v1/refunds}
 * with a bearer API key and an {@code Idempotency-Key} header. Timeouts, connection failures and
 * 5xx answers are retried with exponential back-off under the same idempotency key, so a retry can
 * never charge twice; when every attempt failed the caller is told the provider is unavailable.
 * Only provider tokens are sent; nothing here logs a request body.
 */
public class HttpPaymentServiceProvider implements PaymentServiceProvider {

    private static final Logger log = LoggerFactory.getLogger(HttpPaymentServiceProvider.class);

    private final HttpClient client;
    private final URI baseUrl;
    private final String apiKey;
    private final Duration timeout;
    private final int maxAttempts;
    private final Duration firstBackoff;
    private final ObjectMapper json;

    public HttpPaymentServiceProvider(
            URI baseUrl, String apiKey, Duration timeout, int maxAttempts, Duration firstBackoff, ObjectMapper json) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.maxAttempts = maxAttempts;
        this.firstBackoff = firstBackoff;
        this.json = json;
    }

    @Override
    public Charge charge(String idempotencyKey, Money amount, String paymentMethod) {
        HttpResponse<String> response = post(
                "/v1/charges",
                idempotencyKey,
                Map.of(
                        "amount", amount.amountMinor(),
                        "currency", amount.currency().toLowerCase(Locale.ROOT),
                        "source", paymentMethod));
        JsonNode body = parse(response);
        if (response.statusCode() / 100 == 2) {
            return new Captured(body.path("id").asText());
        }
        if (response.statusCode() == 402) {
            return new Declined(body.path("error").path("code").asText("card_declined"));
        }
        throw new IllegalStateException(
                "The payment provider refused the charge request: HTTP " + response.statusCode());
    }

    @Override
    public String refund(String idempotencyKey, String captureReference, Money amount) {
        HttpResponse<String> response =
                post("/v1/refunds", idempotencyKey, Map.of("charge", captureReference, "amount", amount.amountMinor()));
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("The payment provider refused the refund: HTTP " + response.statusCode());
        }
        return parse(response).path("id").asText();
    }

    private HttpResponse<String> post(String path, String idempotencyKey, Map<String, Object> body) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(baseUrl.resolve(path))
                    .timeout(timeout)
                    .header("Authorization", "Bearer " + apiKey)
                    .header("Idempotency-Key", idempotencyKey)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the provider request", e);
        }
        Duration backoff = firstBackoff;
        for (int attempt = 1; ; attempt++) {
            String failure;
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 500) {
                    return response;
                }
                failure = "HTTP " + response.statusCode();
            } catch (HttpTimeoutException e) {
                failure = "timeout";
            } catch (IOException e) {
                failure = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ProviderUnavailableException("Interrupted while calling the payment provider");
            }
            if (attempt >= maxAttempts) {
                throw new ProviderUnavailableException(
                        "The payment provider failed " + attempt + " times (last: " + failure + ")");
            }
            log.warn(
                    "Payment provider call {} failed ({}), attempt {} of {}; retrying with the same idempotency key",
                    path,
                    failure,
                    attempt,
                    maxAttempts);
            sleep(backoff);
            backoff = backoff.multipliedBy(2);
        }
    }

    private JsonNode parse(HttpResponse<String> response) {
        try {
            return response.body() == null || response.body().isBlank()
                    ? json.createObjectNode()
                    : json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable provider answer (HTTP " + response.statusCode() + ")", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("Interrupted while waiting to retry the payment provider");
        }
    }
}
