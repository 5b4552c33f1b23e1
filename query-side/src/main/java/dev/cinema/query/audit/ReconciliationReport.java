package dev.cinema.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Every payment, refund and booking replayed from the event store and held against the read
 * models and against each other. A healthy system answers no difference.
 *
 * @param storePosition      the global position of the newest event when it started
 * @param readModelsCaughtUp whether every projection had read up to that position: if not, a
 *                           difference may only be an event not yet folded
 * @param differences        every difference found
 */
record ReconciliationReport(
        @Schema(nullable = true, description = "Null for an empty store")
        Long storePosition,

        boolean readModelsCaughtUp,
        long paymentsChecked,
        long refundsChecked,
        long bookingsChecked,
        List<Difference> differences) {

    /**
     * One difference. PAYMENT_HISTORY: the payment history shows a payment otherwise than its
     * events; CUSTOMER_BOOKING: "my bookings" shows a booking otherwise than its events (or than
     * what its payments gave back); BOOKING_MONEY: what a booking's payments captured less what they
     * refunded is not what the booking keeps (its seats' prices while confirmed, plus what refund
     * policies kept of returned seats).
     */
    record Difference(Kind kind, String aggregateId, String detail) {

        enum Kind {
            PAYMENT_HISTORY,
            CUSTOMER_BOOKING,
            BOOKING_MONEY
        }
    }
}
