package dev.cinema.query.booking;

import dev.cinema.contracts.booking.BookingPage;
import dev.cinema.contracts.booking.BookingView;
import dev.cinema.contracts.booking.FindCustomerBookingQuery;
import dev.cinema.contracts.booking.FindCustomerBookingsQuery;
import dev.cinema.contracts.listing.Paging;
import dev.cinema.platform.refusal.Refusal;
import dev.cinema.platform.security.Caller;
import dev.cinema.query.listing.PagingParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own bookings. Whoever asks, the answer is about the token's account only. */
@RestController
@RequestMapping("/api/me/bookings")
@Tag(name = "My bookings", description = "The caller's bookings (token required)")
class CustomerBookingController {

    private final QueryGateway queries;

    CustomerBookingController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "The caller's bookings, newest first")
    BookingPage bookings(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PagingParameters.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PagingParameters.MAX_SIZE) int size) {
        Paging paging = new Paging(page, size, "placedAt", Paging.Direction.DESC);
        return queries.query(
                        new FindCustomerBookingsQuery(Caller.from(jwt).accountId(), paging),
                        ResponseTypes.instanceOf(BookingPage.class))
                .join();
    }

    @GetMapping("/{bookingId}")
    @Operation(summary = "One of the caller's bookings", description = "Someone else's booking is not found (404).")
    BookingView booking(@AuthenticationPrincipal Jwt jwt, @PathVariable @Size(max = 64) String bookingId) {
        return queries.query(
                        new FindCustomerBookingQuery(Caller.from(jwt).accountId(), bookingId),
                        ResponseTypes.optionalInstanceOf(BookingView.class))
                .join()
                .orElseThrow(() -> new Refusal("booking-not-found", null, "No booking " + bookingId));
    }
}
