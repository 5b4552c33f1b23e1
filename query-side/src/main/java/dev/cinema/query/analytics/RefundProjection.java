package dev.cinema.query.analytics;

import dev.cinema.contracts.booking.BookingPlacedEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningScheduledEvent;
import dev.cinema.contracts.payment.RefundApprovedEvent;
import dev.cinema.contracts.payment.RefundCompletedEvent;
import dev.cinema.contracts.payment.RefundFailedEvent;
import dev.cinema.contracts.payment.RefundRejectedEvent;
import dev.cinema.contracts.payment.RefundRequestedEvent;
import dev.cinema.query.rebuild.Rebuildable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Refunds for analysts: every refund of seats of a paid booking (a customer's return, or the
 * settlement of a cancelled screening), in its latest state, under the film, cinema and location
 * of its booking's screening. A completed refund is counted with its amount on the local day of
 * its completion; one not completed (pending, failed and waiting to be tried again, or rejected
 * because the policy gave nothing) on the day it was requested. A payment refunded at once because
 * it came after its hold ran out is no refund here: it refunds no sale (the sales projection never
 * counted it).
 *
 * <p>Idempotent without counters: one row per refund, its refund events folded in order by their
 * sequence number (one at or below the row's version is skipped), counted and summed when read.
 */
@Component
@Rebuildable(
        name = RefundProjection.PROJECTION,
        tables = {
            "analytics_refunds_item",
            "analytics_refunds_screening",
            "analytics_refunds_booking",
            "analytics_refund"
        })
@ProcessingGroup(RefundProjection.NAME)
class RefundProjection extends AnalyticsProjection<RefundItemRow> {

    static final String PROJECTION = "analytics-refunds";
    static final String NAME = "query-analytics-refunds";

    private final RefundScreeningRows screenings;
    private final RefundBookingRows bookings;
    private final RefundFactRows refunds;

    RefundProjection(
            RefundItemRows items, RefundScreeningRows screenings, RefundBookingRows bookings, RefundFactRows refunds) {
        super(items, RefundItemRow::new);
        this.screenings = screenings;
        this.bookings = bookings;
        this.refunds = refunds;
    }

    @EventHandler
    void on(ScreeningScheduledEvent event) {
        RefundScreeningRow row = screenings
                .findById(event.screeningId().value())
                .orElseGet(() -> new RefundScreeningRow(event.screeningId().value()));
        row.filmId = event.filmId().value();
        row.cinemaId = event.cinemaId().value();
        screenings.save(row);
    }

    @EventHandler
    void on(BookingPlacedEvent event) {
        RefundBookingRow row = bookings.findById(event.bookingId().value())
                .orElseGet(() -> new RefundBookingRow(event.bookingId().value()));
        row.screeningId = event.screeningId().value();
        bookings.save(row);
    }

    @EventHandler
    void on(RefundRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant requestedAt) {
        if (refunds.existsById(event.refundId().value())) {
            // Requested once: this is a second delivery, and the refund may have moved on since.
            return;
        }
        RefundFactRow row = new RefundFactRow(event.refundId().value());
        row.bookingId = event.bookingId().value();
        bookings.findById(row.bookingId)
                .flatMap(booking -> screenings.findById(booking.screeningId))
                .ifPresent(screening -> {
                    row.filmId = screening.filmId;
                    row.cinemaId = screening.cinemaId;
                    row.locationId = cinema(screening.cinemaId)
                            .map(cinema -> cinema.locationId)
                            .orElse(null);
                });
        row.status = RefundFactRow.Status.REQUESTED;
        row.seats = event.seats().size();
        row.amountMinor = event.amount().amountMinor();
        row.currency = event.amount().currency();
        countAt(row, requestedAt);
        row.version = sequence;
        refunds.save(row);
    }

    @EventHandler
    void on(RefundApprovedEvent event, @SequenceNumber long sequence) {
        fold(event.refundId().value(), sequence, row -> row.status = RefundFactRow.Status.APPROVED);
    }

    @EventHandler
    void on(RefundRejectedEvent event, @SequenceNumber long sequence) {
        fold(event.refundId().value(), sequence, row -> row.status = RefundFactRow.Status.REJECTED);
    }

    @EventHandler
    void on(RefundFailedEvent event, @SequenceNumber long sequence) {
        fold(event.refundId().value(), sequence, row -> row.status = RefundFactRow.Status.FAILED);
    }

    @EventHandler
    void on(RefundCompletedEvent event, @SequenceNumber long sequence, @Timestamp Instant completedAt) {
        fold(event.refundId().value(), sequence, row -> {
            row.status = RefundFactRow.Status.COMPLETED;
            row.amountMinor = event.amount().amountMinor();
            row.currency = event.amount().currency();
            countAt(row, completedAt);
        });
    }

    @Override
    void zoneChanged(String cinemaId, ZoneId zone) {
        refunds.findByCinemaId(cinemaId).forEach(row -> row.refundDay = dayAt(row.refundAt, zone));
    }

    /** A replay starts from empty tables. */
    @ResetHandler
    void reset() {
        refunds.deleteAllInBatch();
        bookings.deleteAllInBatch();
        screenings.deleteAllInBatch();
        resetItems();
    }

    private void countAt(RefundFactRow row, Instant at) {
        row.refundAt = at;
        row.refundDay = dayAt(at, row.cinemaId);
    }

    private void fold(String refundId, long sequence, Consumer<RefundFactRow> change) {
        refunds.findById(refundId).filter(row -> sequence > row.version).ifPresent(row -> {
            change.accept(row);
            row.version = sequence;
        });
    }
}
