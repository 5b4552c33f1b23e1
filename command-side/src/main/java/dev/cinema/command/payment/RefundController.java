package dev.cinema.command.payment;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.RefundId;
import dev.cinema.contracts.payment.RequestRefundCommand;
import dev.cinema.platform.openapi.ApiAnswer;
import dev.cinema.platform.openapi.RequestExample;
import dev.cinema.platform.refusal.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

    /**
     * A refund as its customer is told about it: refunded now, pending (the provider is retried by
     * itself), or refused by the policy (inside the problem). {@code amount} is {@code percent} of
     * {@code share}, the returned seats' price.
     */
    record RefundResponse(
            String refundId,
            String bookingId,
            boolean refunded,
            boolean pending,
            List<String> seats,
            Money share,
            int percent,
            Money amount) {

        static RefundResponse of(RefundingBookings.Result result) {
            return new RefundResponse(
                    result.refundId().value(),
                    result.bookingId().value(),
                    result.refunded(),
                    result.pending(),
                    result.seats(),
                    result.share(),
                    result.percent(),
                    result.amount());
        }
    }

    @PostMapping("/api/bookings/{bookingId}/refunds")
    @RequestExample("""
            {"seats": ["G3"]}
            """)
    @ApiAnswer(
            status = 201,
            when = "Refunded; the seats are free again. Location points at the booking in the query API",
            body = RefundController.RefundResponse.class)
    @ApiAnswer(
            status = 202,
            when = "Recorded, but the provider did not answer: the refund is retried by itself",
            body = RefundController.RefundResponse.class)
    @ApiAnswer(status = 409, when = "The booking is not paid (or is refunded already)")
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
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
    ResponseEntity<RefundResponse> refund(
            @PathVariable @NotBlank @Size(max = 64) String bookingId,
            @Valid @RequestBody(required = false) RefundRequest request,
            @AuthenticationPrincipal Jwt caller) {
        RefundingBookings.Result result = commands.sendAndWait(new RequestRefundCommand(
                RefundId.random(),
                BookingId.of(bookingId),
                AccountId.of(caller.getSubject()),
                request == null || request.seats() == null ? List.of() : request.seats()));
        RefundResponse outcome = RefundResponse.of(result);
        if (outcome.refunded()) {
            return ResponseEntity.created(URI.create("/api/me/bookings/" + bookingId))
                    .body(outcome);
        }
        if (outcome.pending()) {
            // Recorded; the provider is retried by itself and the seats go back when it has refunded.
            return ResponseEntity.accepted().body(outcome);
        }
        throw new Refusal(
                "refund-not-allowed",
                null,
                "The screening is too close: the refund policy gives nothing back now",
                Map.of("refund", outcome));
    }
}
