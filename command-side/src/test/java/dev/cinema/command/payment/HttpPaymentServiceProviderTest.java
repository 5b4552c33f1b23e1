package dev.cinema.command.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.cinema.contracts.common.Money;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP adapter against a stub of a Stripe-like provider (WireMock). */
class HttpPaymentServiceProviderTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    private WireMockServer provider;
    private HttpPaymentServiceProvider adapter;

    @BeforeEach
    void start() {
        provider = new WireMockServer(options().dynamicPort());
        provider.start();
        adapter = new HttpPaymentServiceProvider(
                URI.create(provider.baseUrl()),
                "sk_test_123",
                // Generous: a first call on a busy machine (class loading, a cold JIT) must not
                // time out and be retried; the timeout test's provider is slower still.
                TIMEOUT,
                3,
                Duration.ofMillis(20),
                new ObjectMapper());
    }

    @AfterEach
    void stop() {
        provider.stop();
    }

    @Test
    void aCaptureSendsTheAmountTokenKeyAndApiKeyAndAnswersTheChargeId() {
        provider.stubFor(post(urlEqualTo("/v1/charges"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"ch_1\",\"status\":\"succeeded\"}")));

        PaymentServiceProvider.Charge charge = adapter.charge("pay-1", Money.of(2350, "GBP"), "tok_visa");

        assertThat(charge).isEqualTo(new PaymentServiceProvider.Captured("ch_1"));
        provider.verify(postRequestedFor(urlEqualTo("/v1/charges"))
                .withHeader("Idempotency-Key", equalTo("pay-1"))
                .withHeader("Authorization", equalTo("Bearer sk_test_123"))
                .withRequestBody(equalToJson("{\"amount\":2350,\"currency\":\"gbp\",\"source\":\"tok_visa\"}")));
    }

    @Test
    void aDeclineIsAnAnswerNotAFailure() {
        provider.stubFor(post(urlEqualTo("/v1/charges"))
                .willReturn(aResponse()
                        .withStatus(402)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"card_declined\",\"message\":\"Your card was declined.\"}}")));

        assertThat(adapter.charge("pay-2", Money.of(100, "EUR"), "tok_chargeDeclined"))
                .isEqualTo(new PaymentServiceProvider.Declined("card_declined"));
        assertThat(provider.findAll(postRequestedFor(urlEqualTo("/v1/charges"))))
                .hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUnderTheSameIdempotencyKey() {
        provider.stubFor(post(urlEqualTo("/v1/charges"))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("second"));
        provider.stubFor(post(urlEqualTo("/v1/charges"))
                .inScenario("flaky")
                .whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("third"));
        provider.stubFor(post(urlEqualTo("/v1/charges"))
                .inScenario("flaky")
                .whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(200).withBody("{\"id\":\"ch_3\"}")));

        assertThat(adapter.charge("pay-3", Money.of(900, "GBP"), "tok_visa"))
                .isEqualTo(new PaymentServiceProvider.Captured("ch_3"));
        List<LoggedRequest> attempts = provider.findAll(postRequestedFor(urlEqualTo("/v1/charges")));
        assertThat(attempts)
                .hasSize(3)
                .allSatisfy(request ->
                        assertThat(request.getHeader("Idempotency-Key")).isEqualTo("pay-3"));
    }

    @Test
    void aProviderThatNeverAnswersInTimeIsReportedUnavailableAfterTheLastAttempt() {
        provider.stubFor(post(urlEqualTo("/v1/charges"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withBody("{\"id\":\"ch_late\"}")
                        .withFixedDelay((int) TIMEOUT.toMillis() * 2)));

        assertThatThrownBy(() -> adapter.charge("pay-4", Money.of(900, "GBP"), "tok_visa"))
                .isInstanceOf(PaymentServiceProvider.ProviderUnavailableException.class)
                .hasMessageContaining("3 times");
        assertThat(provider.findAll(postRequestedFor(urlEqualTo("/v1/charges"))))
                .hasSize(3)
                .allSatisfy(request ->
                        assertThat(request.getHeader("Idempotency-Key")).isEqualTo("pay-4"));
    }

    @Test
    void differentPaymentsSendDifferentKeysAndARefundSendsItsOwn() {
        provider.stubFor(post(urlEqualTo("/v1/charges"))
                .willReturn(aResponse().withStatus(200).withBody("{\"id\":\"ch\"}")));
        provider.stubFor(post(urlEqualTo("/v1/refunds"))
                .willReturn(aResponse().withStatus(200).withBody("{\"id\":\"re_9\"}")));

        adapter.charge("pay-5", Money.of(100, "GBP"), "tok_visa");
        adapter.charge("pay-6", Money.of(100, "GBP"), "tok_visa");
        String refund = adapter.refund("pay-5-refund", "ch_5", Money.of(100, "GBP"));

        assertThat(refund).isEqualTo("re_9");
        assertThat(provider.findAll(postRequestedFor(urlEqualTo("/v1/charges"))).stream()
                        .map(request -> request.getHeader("Idempotency-Key"))
                        .toList())
                .containsExactly("pay-5", "pay-6");
        provider.verify(postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo("pay-5-refund"))
                .withRequestBody(equalToJson("{\"charge\":\"ch_5\",\"amount\":100}")));
    }
}
