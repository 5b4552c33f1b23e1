package dev.cinema.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.platform.refusal.Refusal;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
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

    @Test
    void aDatabaseThatWentAwayIsA503ThatSaysWhenToComeBackWhereverItIsWrapped() {
        // As Axon hands it over: the connection lost inside a command handler's unit of work.
        Exception lost = new CommandExecutionException(
                "append failed",
                new org.axonframework.eventsourcing.eventstore.EventStoreException(
                        "append", new java.sql.SQLException("terminating connection", "57P01")));
        Exception poolGaveUp = new org.springframework.transaction.CannotCreateTransactionException(
                "no connection", new java.sql.SQLTransientConnectionException("timed out"));
        // Seen when PostgreSQL restarted under load: the rollback of a payment's transaction on a
        // connection the pool had already closed, which hides the first failure.
        Exception rollbackOnAClosedConnection = new org.springframework.orm.jpa.JpaSystemException(new RuntimeException(
                "Unable to rollback against JDBC Connection", new java.sql.SQLException("Connection is closed")));

        for (Exception failure : List.of(lost, poolGaveUp, rollbackOnAClosedConnection)) {
            ResponseEntity<Object> answer = failure instanceof CommandExecutionException command
                    ? handler.command(command)
                    : handler.unexpected(failure);

            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(((ProblemDetail) answer.getBody()).getProperties())
                    .containsEntry("code", "database-unavailable");
        }
    }

    @Test
    void aFaultOfOurOwnInTheDatabaseStaysA500() {
        // A constraint of ours broken (23505) is a bug to look at, not a reason to come back.
        ResponseEntity<Object> answer = handler.unexpected(new java.sql.SQLException("duplicate key", "23505"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getHeaders().containsKey(HttpHeaders.RETRY_AFTER)).isFalse();
    }
}
