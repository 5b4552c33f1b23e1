package dev.cinema.command.booking;

import dev.cinema.contracts.booking.BookingCancelledEvent;
import dev.cinema.contracts.booking.BookingConfirmedEvent;
import dev.cinema.contracts.booking.BookingExpiredEvent;
import dev.cinema.contracts.booking.BookingPlacedEvent;
import dev.cinema.contracts.booking.BookingRefundedEvent;
import dev.cinema.contracts.booking.BookingStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the booking index in step; subscribing, so it commits with the booking's events. A placed
 * booking is a new aggregate, and this runs in the transaction that creates it, so its entry is
 * inserted without looking first (a look would also flush the session of a hold desk's batch once
 * per hold): a second booking with the same id fails on the event store's key anyway.
 */
@Component
@ProcessingGroup("command-booking-index")
class BookingIndexUpdater {

    private final BookingIndex index;

    BookingIndexUpdater(BookingIndex index) {
        this.index = index;
    }

    @EventHandler
    void on(BookingPlacedEvent event) {
        index.save(new BookingIndexEntry(
                event.bookingId().value(),
                event.screeningId().value(),
                event.customerId().value()));
    }

    @EventHandler
    void on(BookingConfirmedEvent event) {
        set(event.bookingId().value(), BookingStatus.CONFIRMED);
    }

    @EventHandler
    void on(BookingCancelledEvent event) {
        set(event.bookingId().value(), BookingStatus.CANCELLED);
    }

    @EventHandler
    void on(BookingExpiredEvent event) {
        set(event.bookingId().value(), BookingStatus.EXPIRED);
    }

    @EventHandler
    void on(BookingRefundedEvent event) {
        set(event.bookingId().value(), BookingStatus.REFUNDED);
    }

    private void set(String bookingId, BookingStatus status) {
        index.findById(bookingId).ifPresent(entry -> entry.status(status));
    }
}
