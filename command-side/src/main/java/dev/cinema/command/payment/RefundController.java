package dev.cinema.command.payment;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.payment.RefundId;
import dev.cinema.contracts.payment.RequestRefundCommand;
import dev.cinema.platform.openapi.ApiAnswer;
import dev.cinema.platform.openapi.RequestExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Customers return paid seats and get (part of) their money back. */
@RestController
@Tag(name = "Refunds", description = "Return seats of a paid booking (token required)")
class RefundController {

    private final CommandGateway commands;

    RefundController(CommandGateway commands) {
        this.commands = commands;
    }

    record RefundRequest(@Size(max = 10) List<@NotBlank @Size(max = 8) String> seats) {}

    @PostMapping("/api/bookings/{bookingId}/refunds")
    @RequestExample("""
            {"seats": ["G3"]}
            """)
    @ApiAnswer(
            status = 201,
            when = "Refunded; the seats are free again. Location points at the booking in the query API",
            body = RefundProcessing.Outcome.class)
    @ApiAnswer(
            status = 202,
            when = "Recorded, but the provider did not answer: the refund is retried by itself",
            body = RefundProcessing.Outcome.class)
    @ApiAnswer(status = 409, when = "The booking is not paid (or is refunded already)")
    @ApiAnswer(status = 409, when = ApiAnswer.CONCURRENT_CHANGE)
    @ApiAnswer(
            status = 422,
            when = "Too close to the screening: the policy gives nothing back; recorded as rejected (refund)",
            body = PaymentProblems.RefundProblem.class)
    @Operation(
            summary = "Return all seats of a paid booking, or only some, and be refunded",
            description = "The policy decides the amount by the time left before the screening: 100 % until 24 h "
                    + "before, 50 % until 1 h before, nothing after (then 422, recorded as rejected). 201 with the "
                    + "amount; the returned seats are free again and the booking is REFUNDED once none remain. 202 "
                    + "when the provider does not answer: the refund is recorded and retried by itself.")
    ResponseEntity<Object> refund(
            @PathVariable @NotBlank @Size(max = 64) String bookingId,
            @Valid @RequestBody(required = false) RefundRequest request,
            @AuthenticationPrincipal Jwt caller) {
        RefundProcessing.Outcome outcome = commands.sendAndWait(new RequestRefundCommand(
                RefundId.random(),
                BookingId.of(bookingId),
                AccountId.of(caller.getSubject()),
                request == null || request.seats() == null ? List.of() : request.seats()));
        if (outcome.refunded()) {
            return ResponseEntity.created(URI.create("/api/me/bookings/" + bookingId))
                    .body(outcome);
        }
        if (outcome.pending()) {
            // Recorded; the provider is retried by itself and the seats go back when it has refunded.
            return ResponseEntity.accepted().body(outcome);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_ENTITY,
                "The screening is too close: the refund policy gives nothing back now");
        problem.setType(URI.create("https://cinema.dev/problems/refund-not-allowed"));
        problem.setProperty("code", "refund-not-allowed");
        problem.setProperty("refund", outcome);
        return ResponseEntity.unprocessableEntity()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
