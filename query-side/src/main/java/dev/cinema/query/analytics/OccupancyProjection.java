package dev.cinema.query.analytics;

import dev.cinema.contracts.booking.SeatsReleasedEvent;
import dev.cinema.contracts.booking.SeatsSoldEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningCancelledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningRescheduledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningScheduledEvent;
import dev.cinema.query.rebuild.Rebuildable;
import java.time.ZoneId;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Occupancy for analysts: per screening, the seats sold now against its capacity, counted on the
 * local day of its start (as last rescheduled) in its cinema's zone. Seats sold are the seats of
 * {@code SeatsSoldEvent}s not given back since by a {@code SeatsReleasedEvent} of the same booking (a
 * return, or the settlement of a cancelled screening); held seats are not sold. A cancelled
 * screening keeps its row, marked, and is counted apart rather than as an empty one.
 *
 * <p>Every event folded here comes from the screening's own stream, so each carries the next
 * sequence number of that stream: one already folded is skipped, which makes a second delivery of a
 * sale after the release that followed it harmless. The seats sold are recounted from the seat rows
 * after each change, never added to.
 */
@Component
@Rebuildable(
        name = OccupancyProjection.PROJECTION,
        tables = {"analytics_occupancy_item", "analytics_occupancy_screening", "analytics_occupancy_seat"})
@ProcessingGroup(OccupancyProjection.NAME)
class OccupancyProjection extends AnalyticsProjection<OccupancyItemRow> {

    static final String PROJECTION = "analytics-occupancy";
    static final String NAME = "query-analytics-occupancy";

    private final OccupancyScreeningRows screenings;
    private final OccupancySeatRows seats;

    OccupancyProjection(OccupancyItemRows items, OccupancyScreeningRows screenings, OccupancySeatRows seats) {
        super(items, OccupancyItemRow::new);
        this.screenings = screenings;
        this.seats = seats;
    }

    @EventHandler
    void on(ScreeningScheduledEvent event, @SequenceNumber long sequence) {
        if (screenings.existsById(event.screeningId().value())) {
            // Scheduled once: this is a second delivery, and the screening may have moved on since.
            return;
        }
        OccupancyScreeningRow row =
                new OccupancyScreeningRow(event.screeningId().value());
        row.filmId = event.filmId().value();
        row.cinemaId = event.cinemaId().value();
        row.locationId = cinema(row.cinemaId).map(cinema -> cinema.locationId).orElse(null);
        row.startsAt = event.startsAt();
        row.startDay = dayAt(event.startsAt(), row.cinemaId);
        row.capacity = event.layout().seats().size();
        row.version = sequence;
        screenings.save(row);
    }

    @EventHandler
    void on(ScreeningRescheduledEvent event, @SequenceNumber long sequence) {
        fold(event.screeningId().value(), sequence, row -> {
            row.startsAt = event.startsAt();
            row.startDay = dayAt(event.startsAt(), row.cinemaId);
        });
    }

    @EventHandler
    void on(ScreeningCancelledEvent event, @SequenceNumber long sequence) {
        fold(event.screeningId().value(), sequence, row -> row.cancelled = true);
    }

    @EventHandler
    void on(SeatsSoldEvent event, @SequenceNumber long sequence) {
        fold(event.screeningId().value(), sequence, row -> {
            for (String seat : event.seats()) {
                OccupancySeatRow sold = seats.findById(new OccupancySeatRow.Key(row.id, seat))
                        .orElseGet(() -> new OccupancySeatRow(row.id, seat));
                sold.bookingId = event.bookingId().value();
                seats.save(sold);
            }
            recount(row);
        });
    }

    @EventHandler
    void on(SeatsReleasedEvent event, @SequenceNumber long sequence) {
        fold(event.screeningId().value(), sequence, row -> {
            String booking = event.bookingId().value();
            for (String seat : event.seats()) {
                // Only the releasing booking's seats: a released hold frees nothing sold.
                seats.findById(new OccupancySeatRow.Key(row.id, seat))
                        .filter(sold -> booking.equals(sold.bookingId))
                        .ifPresent(seats::delete);
            }
            recount(row);
        });
    }

    @Override
    void zoneChanged(String cinemaId, ZoneId zone) {
        screenings.findByCinemaId(cinemaId).forEach(row -> row.startDay = dayAt(row.startsAt, zone));
    }

    /** A replay starts from empty tables. */
    @ResetHandler
    void reset() {
        seats.deleteAllInBatch();
        screenings.deleteAllInBatch();
        resetItems();
    }

    private void fold(String screeningId, long sequence, Consumer<OccupancyScreeningRow> change) {
        screenings.findById(screeningId).filter(row -> sequence > row.version).ifPresent(row -> {
            change.accept(row);
            row.version = sequence;
        });
    }

    /** Counted afresh from the seat rows (the count flushes pending changes first). */
    private void recount(OccupancyScreeningRow row) {
        row.seatsSold = (int) seats.countByKeyScreeningId(row.id);
    }
}
