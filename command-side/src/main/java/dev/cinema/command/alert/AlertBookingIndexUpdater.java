package dev.cinema.command.alert;

import dev.cinema.contracts.booking.BookingCancelledEvent;
import dev.cinema.contracts.booking.BookingConfirmedEvent;
import dev.cinema.contracts.booking.BookingExpiredEvent;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.BookingPlacedEvent;
import dev.cinema.contracts.booking.BookingRefundedEvent;
import dev.cinema.contracts.booking.BookingSeatsChangedEvent;
import dev.cinema.contracts.booking.BookingSeatsReturnedEvent;
import dev.cinema.contracts.booking.BookingStatus;
import dev.cinema.contracts.booking.SeatPrice;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Keeps the alert policy's own index of bookings, in the policy's processing group: same
 * processor, same transactions, same position in the event store as the policy. Unlike the policy
 * it takes part in the processor's first catch-up over history (see {@link AlertConfiguration}),
 * so the policy knows every booking, also those placed before alerts existed. Delivery is at
 * least once: an event at or before the last one folded for its booking is skipped.
 */
@Component
@ProcessingGroup(AlertPolicy.GROUP)
class AlertBookingIndexUpdater {

    private final AlertBookingIndex index;

    AlertBookingIndexUpdater(AlertBookingIndex index) {
        this.index = index;
    }

    @EventHandler
    void on(BookingPlacedEvent event, @SequenceNumber long sequence) {
        // Looked up by id, not asked whether it exists: a lookup by id is answered from the
        // batch's session or one select, while a query would flush the batch's session first.
        if (index.findById(event.bookingId().value()).isEmpty()) {
            index.save(new AlertBookingEntry(
                    event.bookingId().value(),
                    event.customerId().value(),
                    event.screeningId().value(),
                    labels(event.seats()),
                    sequence));
        }
    }

    @EventHandler
    void on(BookingSeatsChangedEvent event, @SequenceNumber long sequence) {
        fold(event.bookingId(), sequence, entry -> entry.seats(labels(event.seats()), sequence));
    }

    @EventHandler
    void on(BookingSeatsReturnedEvent event, @SequenceNumber long sequence) {
        fold(event.bookingId(), sequence, entry -> entry.seats(labels(event.remaining()), sequence));
    }

    @EventHandler
    void on(BookingConfirmedEvent event, @SequenceNumber long sequence) {
        fold(event.bookingId(), sequence, entry -> entry.status(BookingStatus.CONFIRMED, sequence));
    }

    @EventHandler
    void on(BookingRefundedEvent event, @SequenceNumber long sequence) {
        fold(event.bookingId(), sequence, entry -> entry.status(BookingStatus.REFUNDED, sequence));
    }

    @EventHandler
    void on(BookingCancelledEvent event, @SequenceNumber long sequence) {
        fold(event.bookingId(), sequence, entry -> entry.status(BookingStatus.CANCELLED, sequence));
    }

    @EventHandler
    void on(BookingExpiredEvent event, @SequenceNumber long sequence) {
        fold(event.bookingId(), sequence, entry -> entry.status(BookingStatus.EXPIRED, sequence));
    }

    private void fold(BookingId bookingId, long sequence, Consumer<AlertBookingEntry> change) {
        index.findById(bookingId.value())
                .filter(entry -> !entry.isAfter(sequence))
                .ifPresent(change);
    }

    private static List<String> labels(List<SeatPrice> seats) {
        return seats.stream().map(SeatPrice::seat).toList();
    }
}
