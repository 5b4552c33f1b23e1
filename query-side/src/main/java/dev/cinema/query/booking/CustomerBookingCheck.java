package dev.cinema.query.booking;

import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.common.Money;
import dev.cinema.query.rebuild.SlotRouting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reconciliation of "my bookings" with bookings folded from the event store: each booking the
 * read model holds, folded back, must be the booking its events fold to ({@link BookingState}),
 * and what it says was refunded must be what its payments' refunds gave back.
 */
@Component
@Transactional(readOnly = true)
public class CustomerBookingCheck {

    /** A booking whose customer is shown something else than its events say. */
    public record Mismatch(String bookingId, String detail) {}

    private final CustomerBookingRows bookings;
    private final BookingRefundRows refunds;
    private final JdbcTemplate jdbc;
    private final SlotRouting slots;

    CustomerBookingCheck(
            CustomerBookingRows bookings, BookingRefundRows refunds, JdbcTemplate jdbc, SlotRouting slots) {
        this.bookings = bookings;
        this.refunds = refunds;
        this.jdbc = jdbc;
        this.slots = slots;
    }

    /**
     * The bookings among these that the read model shows otherwise; {@code refunded} is what the
     * payments of each gave back, by booking (absent: nothing).
     */
    public List<Mismatch> differences(Collection<BookingState> folded, Map<String, Money> refunded) {
        List<String> ids = folded.stream().map(BookingState::bookingId).toList();
        Map<String, CustomerBookingRow> rows =
                bookings.findAllById(ids).stream().collect(Collectors.toMap(row -> row.id, Function.identity()));
        Map<String, List<BookingRefundRow>> refundRows =
                refunds.findByBookingIdIn(ids).stream().collect(Collectors.groupingBy(refund -> refund.bookingId));
        List<Mismatch> mismatches = new ArrayList<>();
        for (BookingState booking : folded) {
            CustomerBookingRow row = rows.get(booking.bookingId());
            if (row == null) {
                mismatches.add(new Mismatch(booking.bookingId(), "not shown to its customer at all"));
                continue;
            }
            List<String> faults = new ArrayList<>();
            BookingState shown = row.state();
            differ("customer", booking.customerId(), shown.customerId(), faults);
            differ("status", booking.status(), shown.status(), faults);
            differ("seats", prices(booking.seats()), prices(shown.seats()), faults);
            differ("returned seats", prices(booking.returnedSeats()), prices(shown.returnedSeats()), faults);
            differ("total", booking.total(), shown.total(), faults);
            differ("hold expiry", micros(booking.expiresAt()), micros(shown.expiresAt()), faults);
            differ("placed at", micros(booking.placedAt()), micros(shown.placedAt()), faults);
            long given = refunded.getOrDefault(
                            booking.bookingId(), Money.of(0, booking.total().currency()))
                    .amountMinor();
            long shownRefunded = refundRows.getOrDefault(booking.bookingId(), List.of()).stream()
                    .mapToLong(refund -> refund.amountMinor)
                    .sum();
            differ("refunded", given, shownRefunded, faults);
            if (!faults.isEmpty()) {
                mismatches.add(new Mismatch(booking.bookingId(), String.join("; ", faults)));
            }
        }
        return mismatches;
    }

    /** Bookings shown to customers that have no event in the store. */
    public List<String> bookingsWithoutEvents() {
        // Through the slot routing: the table is read from the slot queries answer from.
        return jdbc.queryForList(
                slots.route("select b.booking_id from read_model.customer_booking b where not exists"
                        + " (select 1 from domain_event_entry e where e.aggregate_identifier = b.booking_id)"
                        + " order by b.booking_id"),
                String.class);
    }

    private static List<String> prices(List<SeatPrice> seats) {
        return seats.stream()
                .map(seat -> seat.seat() + " " + seat.type() + " "
                        + seat.price().amountMinor() + " " + seat.price().currency())
                .toList();
    }

    /** Instants as the databases keep them: rounded to the microsecond. */
    private static Instant micros(Instant at) {
        return at == null ? null : Instant.ofEpochSecond(at.getEpochSecond(), (at.getNano() + 500L) / 1000 * 1000);
    }

    private static void differ(String what, Object events, Object shown, List<String> faults) {
        if (!Objects.equals(events, shown)) {
            faults.add(what + ": shown " + shown + ", the events say " + events);
        }
    }
}
