package dev.cinema.query.payment;

import dev.cinema.contracts.listing.Paging;
import dev.cinema.contracts.payment.FindBookingPaymentsQuery;
import dev.cinema.contracts.payment.FindCustomerPaymentsQuery;
import dev.cinema.contracts.payment.PaymentHistoryPage;
import dev.cinema.platform.refusal.Refusal;
import dev.cinema.platform.security.Caller;
import dev.cinema.query.listing.PagingParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Objects;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own payments and refunds. Whoever asks, the answer is about the token's account only. */
@RestController
@RequestMapping("/api/me")
@Tag(name = "My payments", description = "The caller's payment history (token required)")
class PaymentHistoryController {

    static final String DEFAULT_SORT = "at,desc";
    static final Map<String, String> SORTS = Map.of("at", "at");

    private final QueryGateway queries;

    PaymentHistoryController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/payments")
    @Operation(
            summary = "The caller's payments and refunds, newest first",
            description =
                    "Totals per currency cover the whole history, not only the page. Sort by at (default at,desc).")
    PaymentHistoryPage payments(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PagingParameters.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PagingParameters.MAX_SIZE) int size,
            @RequestParam(required = false) @Size(max = 40) String sort) {
        Paging paging = PagingParameters.of(page, size, sort, DEFAULT_SORT, SORTS);
        return queries.query(
                        new FindCustomerPaymentsQuery(caller(jwt), paging),
                        ResponseTypes.instanceOf(PaymentHistoryPage.class))
                .join();
    }

    @GetMapping("/bookings/{bookingId}/payments")
    @Operation(
            summary = "The payments and refunds of one of the caller's bookings, newest first",
            description = "A booking with no payments of the caller's, someone else's included, is not found (404).")
    PaymentHistoryPage bookingPayments(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable @Size(max = 64) String bookingId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PagingParameters.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PagingParameters.MAX_SIZE) int size,
            @RequestParam(required = false) @Size(max = 40) String sort) {
        Paging paging = PagingParameters.of(page, size, sort, DEFAULT_SORT, SORTS);
        PaymentHistoryPage history = queries.query(
                        new FindBookingPaymentsQuery(bookingId, caller(jwt), paging),
                        ResponseTypes.instanceOf(PaymentHistoryPage.class))
                .join();
        // Ownership is read from this projection's own entries: another customer's booking and a
        // booking that does not exist look the same, so nobody learns of others' payments.
        if (history.page().totalElements() == 0) {
            throw new Refusal("booking-not-found", null, "No payments for booking " + bookingId);
        }
        return history;
    }

    /** Never null: a null customer would mean everyone's history. */
    private static String caller(Jwt jwt) {
        return Objects.requireNonNull(Caller.from(jwt).accountId(), "the token's subject");
    }
}
