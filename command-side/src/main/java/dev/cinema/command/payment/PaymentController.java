package dev.cinema.command.payment;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentStatus;
import dev.cinema.platform.openapi.ApiAnswer;
import dev.cinema.platform.openapi.RequestExample;
import dev.cinema.platform.refusal.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Paying for a held booking. The amount is the booking's; the customer sends only a provider token. */
@RestController
@Tag(name = "Payments", description = "Pay for a held booking (token and Idempotency-Key required)")
class PaymentController {

    private final PaymentRequests requests;

    PaymentController(PaymentRequests requests) {
        this.requests = requests;
    }

    /**
     * A provider token such as {@code tok_success}. The pattern refuses anything that looks like a
     * card number: card numbers must never reach, let alone be stored by, this system.
     */
    record PaymentRequest(
            @NotBlank
            @Pattern(
                    regexp = "tok_[A-Za-z0-9_]{1,60}",
                    message = "must be a payment provider token (tok_...), never a card number")
            String paymentMethod) {}

    /** A payment as its customer is told about it (also inside the problem of a refused one). */
    record PaymentResponse(
            String paymentId, String bookingId, PaymentStatus payment, boolean bookingConfirmed, Money amount) {

        static PaymentResponse of(PayingForBookings.Result result) {
            return new PaymentResponse(
                    result.paymentId().value(),
                    result.bookingId().value(),
                    result.status(),
                    result.bookingConfirmed(),
                    result.amount());
        }
    }

    @PostMapping("/api/bookings/{bookingId}/payments")
    @RequestExample("""
            {"paymentMethod": "tok_success"}
            """)
    @ApiAnswer(
            status = 201,
            when = "Paid: the seats are sold and the booking is confirmed; Location points at the booking in "
                    + "the query API",
            body = PaymentController.PaymentResponse.class)
    @ApiAnswer(
            status = 402,
            when = "The provider declined; nothing was charged and the hold stays (payment)",
            body = PaymentProblems.PaymentProblem.class)
    @ApiAnswer(
            status = 409,
            when = "The hold ran out before the money arrived: the payment was refunded in full (payment); or "
                    + "the booking is not held any more",
            body = PaymentProblems.PaymentProblem.class)
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @ApiAnswer(status = 422, when = "This Idempotency-Key was used for another payment request")
    @ApiAnswer(
            status = 503,
            when = "The provider did not answer: repeat the request with the same Idempotency-Key",
            body = PaymentProblems.PaymentProblem.class)
    @Operation(
            summary = "Pay for a held booking",
            description = "201 when paid: the seats are sold and the booking confirmed. 402 when the provider "
                    + "declines (the hold stays; pay again with another method and a new Idempotency-Key). 409 "
                    + "when the hold ran out before the money arrived: the payment was refunded at once. 503 when "
                    + "the provider did not answer: repeat the request with the same Idempotency-Key. The same "
                    + "key repeated answers the same payment and never charges twice; the same key with another "
                    + "request is a 422. Test tokens: tok_success, tok_decline, tok_timeout.")
    ResponseEntity<PaymentResponse> pay(
            @PathVariable @NotBlank @Size(max = 64) String bookingId,
            @RequestHeader("Idempotency-Key") @NotBlank @Size(min = 8, max = 100) String idempotencyKey,
            @Valid @RequestBody PaymentRequest request,
            @AuthenticationPrincipal Jwt caller) {
        PaymentResponse outcome = PaymentResponse.of(requests.pay(
                BookingId.of(bookingId), AccountId.of(caller.getSubject()), idempotencyKey, request.paymentMethod()));
        if (outcome.bookingConfirmed()) {
            return ResponseEntity.created(URI.create("/api/me/bookings/" + bookingId))
                    .body(outcome);
        }
        if (outcome.payment() == PaymentStatus.DECLINED) {
            throw new Refusal(
                    "payment-declined",
                    null,
                    "The payment provider declined the payment; nothing was charged",
                    Map.of("payment", outcome));
        }
        if (outcome.payment() == PaymentStatus.REFUNDED) {
            throw new Refusal(
                    "hold-expired-refunded",
                    null,
                    "The hold ran out before the payment arrived; the payment was refunded in full",
                    Map.of("payment", outcome));
        }
        throw new Refusal(
                "provider-unavailable",
                null,
                "The payment is not settled yet; repeat the request with the same Idempotency-Key",
                Map.of("payment", outcome));
    }
}
