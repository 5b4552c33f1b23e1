package dev.cinema.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.platform.refusal.Refusal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** What a passing condition looks like on the wire: problem+json, and when to come back. */
class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void aFullHoldQueueIsA429ThatSaysWhenToComeBack() {
        ResponseEntity<Object> answer = handler.refusal(new Refusal("hold-queue-full", null, "Too many holds wait"));

        assertThat(answer.getStatusCode().value()).isEqualTo(429);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(((ProblemDetail) answer.getBody()).getProperties()).containsEntry("code", "hold-queue-full");
    }

    @Test
    void aRefusalThatKnowsHowLongItLastsSaysSoInRetryAfterAndInTheProblem() {
        ResponseEntity<Object> answer = handler.refusal(new Refusal(
                "login-throttled", null, "Too many login attempts", Map.of(Refusal.RETRY_AFTER_SECONDS, 840L)));

        assertThat(answer.getStatusCode().value()).isEqualTo(429);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("840");
        assertThat(((ProblemDetail) answer.getBody()).getProperties())
                .containsEntry("code", "login-throttled")
                .containsEntry("retryAfterSeconds", 840L);
    }

    @Test
    void aRefusalOfTheRequestItselfSaysNothingAboutComingBack() {
        ResponseEntity<Object> answer = handler.refusal(new Refusal("seats-unavailable", "seats", "A1 is taken"));

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)).isFalse();
    }
}
