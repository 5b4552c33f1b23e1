package dev.cinema.query.analytics;

import dev.cinema.contracts.booking.BookingConfirmedEvent;
import dev.cinema.contracts.booking.BookingPlacedEvent;
import dev.cinema.contracts.booking.BookingSeatsChangedEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningScheduledEvent;
import dev.cinema.contracts.common.Money;
import dev.cinema.query.rebuild.Rebuildable;
import java.time.Instant;
import java.time.ZoneId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Confirmed sales for analysts: every booking that was paid, with its seats and what it was paid,
 * counted on the local day of the payment (the instant of its {@code BookingConfirmedEvent}) in its
 * cinema's zone, under its film, cinema and location. Gross: seats returned and screenings
 * cancelled later do not take a sale back (the refunds projection counts those), so that a day's
 * sales never change after the day. A payment that came too late and was refunded at once confirmed
 * nothing and is no sale.
 *
 * <p>Idempotent without counters: one row per booking, its booking events folded in order by their
 * sequence number (an event at or below the row's version is skipped), summed when read.
 */
@Component
@Rebuildable(
        name = SalesProjection.PROJECTION,
        tables = {"analytics_sales_item", "analytics_sales_screening", "analytics_sale"})
@ProcessingGroup(SalesProjection.NAME)
class SalesProjection extends AnalyticsProjection<SalesItemRow> {

    static final String PROJECTION = "analytics-sales";
    static final String NAME = "query-analytics-sales";

    private final SalesScreeningRows screenings;
    private final SaleRows sales;

    SalesProjection(SalesItemRows items, SalesScreeningRows screenings, SaleRows sales) {
        super(items, SalesItemRow::new);
        this.screenings = screenings;
        this.sales = sales;
    }

    @EventHandler
    void on(ScreeningScheduledEvent event) {
        SalesScreeningRow row = screenings
                .findById(event.screeningId().value())
                .orElseGet(() -> new SalesScreeningRow(event.screeningId().value()));
        row.filmId = event.filmId().value();
        row.cinemaId = event.cinemaId().value();
        screenings.save(row);
    }

    @EventHandler
    void on(BookingPlacedEvent event, @SequenceNumber long sequence) {
        if (sales.existsById(event.bookingId().value())) {
            // A booking is placed once: this is a second delivery, and the booking may have moved on since.
            return;
        }
        SaleRow row = new SaleRow(event.bookingId().value());
        row.screeningId = event.screeningId().value();
        quote(row, event.seats().size(), event.total());
        row.version = sequence;
        sales.save(row);
    }

    @EventHandler
    void on(BookingSeatsChangedEvent event, @SequenceNumber long sequence) {
        sales.findById(event.bookingId().value())
                .filter(row -> sequence > row.version && row.soldAt == null)
                .ifPresent(row -> {
                    quote(row, event.seats().size(), event.total());
                    row.version = sequence;
                });
    }

    @EventHandler
    void on(BookingConfirmedEvent event, @SequenceNumber long sequence, @Timestamp Instant confirmedAt) {
        SaleRow row = sales.findById(event.bookingId().value()).orElseGet(() -> {
            // Only a store that lost the booking's first event could get here; count the money at least.
            SaleRow unplaced = new SaleRow(event.bookingId().value());
            unplaced.screeningId = event.screeningId().value();
            unplaced.version = -1;
            return unplaced;
        });
        if (sequence <= row.version) {
            return;
        }
        row.amountMinor = event.total().amountMinor();
        row.currency = event.total().currency();
        row.soldAt = confirmedAt;
        screenings.findById(row.screeningId).ifPresent(screening -> {
            row.filmId = screening.filmId;
            row.cinemaId = screening.cinemaId;
            row.locationId =
                    cinema(screening.cinemaId).map(cinema -> cinema.locationId).orElse(null);
        });
        row.saleDay = dayAt(confirmedAt, row.cinemaId);
        row.version = sequence;
        sales.save(row);
    }

    @Override
    void zoneChanged(String cinemaId, ZoneId zone) {
        sales.findByCinemaIdAndSoldAtIsNotNull(cinemaId).forEach(row -> row.saleDay = dayAt(row.soldAt, zone));
    }

    /** A replay starts from empty tables. */
    @ResetHandler
    void reset() {
        sales.deleteAllInBatch();
        screenings.deleteAllInBatch();
        resetItems();
    }

    private static void quote(SaleRow row, int seats, Money total) {
        row.seats = seats;
        row.amountMinor = total.amountMinor();
        row.currency = total.currency();
    }
}
