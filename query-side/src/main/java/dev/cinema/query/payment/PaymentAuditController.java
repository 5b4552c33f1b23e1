package dev.cinema.query.payment;

import dev.cinema.contracts.listing.Paging;
import dev.cinema.contracts.payment.FindBookingPaymentsQuery;
import dev.cinema.contracts.payment.FindCustomerPaymentsQuery;
import dev.cinema.contracts.payment.PaymentHistoryPage;
import dev.cinema.query.listing.PagingParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For auditors: anyone's payment history, by customer, by booking, or all of it. */
@RestController
@RequestMapping("/api/audit")
@Tag(
        name = "Audit",
        description =
                "Event history, state as of an instant, payment histories, exports, integrity and reconciliation (AUDITOR or ADMIN)")
@PreAuthorize("hasAnyRole('AUDITOR','ADMIN')")
class PaymentAuditController {

    private final QueryGateway queries;

    PaymentAuditController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/payments")
    @Operation(
            summary = "Payments and refunds of a customer, a booking, or everyone, newest first",
            description = "Both filters are optional and combine. Totals per currency cover every matching entry. "
                    + "Sort by at (default at,desc).")
    PaymentHistoryPage payments(
            @RequestParam(required = false) @Size(max = 64) String customerId,
            @RequestParam(required = false) @Size(max = 64) String bookingId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PagingParameters.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PagingParameters.MAX_SIZE) int size,
            @RequestParam(required = false) @Size(max = 40) String sort) {
        Paging paging = PagingParameters.of(
                page, size, sort, PaymentHistoryController.DEFAULT_SORT, PaymentHistoryController.SORTS);
        String customer = blankToNull(customerId);
        String booking = blankToNull(bookingId);
        Object query = booking != null
                ? new FindBookingPaymentsQuery(booking, customer, paging)
                : new FindCustomerPaymentsQuery(customer, paging);
        return queries.query(query, ResponseTypes.instanceOf(PaymentHistoryPage.class))
                .join();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
