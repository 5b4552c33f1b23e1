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

/** Keeps the booking index in step; subscribing, so it commits with the booking's events. */
@Component
@ProcessingGroup("command-booking-index")
class BookingIndexUpdater {

    private final BookingIndex index;

    BookingIndexUpdater(BookingIndex index) {
        this.index = index;
    }

    @EventHandler
    void on(BookingPlacedEvent event) {
        if (!index.existsById(event.bookingId().value())) {
            index.save(new BookingIndexEntry(
                    event.bookingId().value(),
                    event.screeningId().value(),
                    event.customerId().value()));
        }
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
