package dev.cinema.query.seatmap;

import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.booking.SeatsHeldEvent;
import dev.cinema.contracts.booking.SeatsReleasedEvent;
import dev.cinema.contracts.booking.SeatsSoldEvent;
import dev.cinema.contracts.catalogue.screen.LayoutCell;
import dev.cinema.contracts.catalogue.screen.SeatRow;
import dev.cinema.contracts.catalogue.screening.ScreeningCancelledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningPricesChangedEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningSalesOpenedEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningScheduledEvent;
import dev.cinema.contracts.listing.ScreeningStatus;
import dev.cinema.contracts.seatmap.FindSeatMapQuery;
import dev.cinema.contracts.seatmap.SeatState;
import dev.cinema.query.rebuild.ProcessorBatch;
import dev.cinema.query.rebuild.Rebuildable;
import dev.cinema.query.rebuild.SlotJdbc;
import dev.cinema.query.rebuild.SlotRouting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Folds a screening's events into its seat map: the layout it was scheduled with (gaps included),
 * each seat's state, prices and status. Every event of one seat map comes from the screening's
 * own event stream, so they arrive in order; a seat map remembers the sequence number (in that
 * stream) of the last event it folded ({@link dev.cinema.contracts.seatmap.SeatMap#version()}) and
 * ignores an event at or below it, which makes a second delivery change nothing. Not the tracking
 * token's position: an event that fills a gap comes with the highest position seen so far, so two
 * events of one late commit (a seat change releases and holds) share a position, and the second
 * would be taken for a repeat of the first. The handlers set state rather than
 * add to it as well, and a release frees only seats still held by the releasing booking.
 *
 * <p>A sale turns only the seats that booking holds (or was already sold) SOLD; the booking stays
 * recorded on the seat, so that a later release of that booking (a refund) frees its sold seats
 * as it frees held ones.
 *
 * <p>Events are folded in memory a processor batch at a time ({@link SeatMapBatch}): the maps and
 * seats that the batch's events name are read with a few statements before the first of them is
 * folded, and whatever the batch changed is written once, before its transaction commits (a replay
 * of a million events would otherwise pay several round trips per event). Folding the same events
 * one at a time leaves the same rows: the batch is only where they wait to be written.
 *
 * <p>After each change of a map someone watches, the whole new map goes to the subscribers of that
 * screening's {@link FindSeatMapQuery}: the batch's changes so far are written (in its transaction)
 * and the map read back, and Axon's emitter sends it once that transaction has committed. Nothing
 * is sent while replaying: nobody should watch a seat map travel back in time. On PostgreSQL the
 * other query processes are told which maps changed ({@link SeatMapPeers}), for their own clients.
 */
@Component
@Rebuildable(
        name = SeatMapProjection.PROJECTION,
        tables = {"seat_map_cell", "seat_map"},
        foldsPerBatch = true)
@ProcessingGroup(SeatMapProjection.NAME)
class SeatMapProjection {

    static final String PROJECTION = "seat-maps";
    static final String NAME = "query-seat-maps";

    private final SeatMapStateRows maps;
    private final SeatCellRows cells;
    private final SeatMapViews views;
    private final QueryUpdateEmitter updates;
    private final SlotRouting slots;
    private final SlotJdbc jdbc;
    private final SeatMapPeers peers;

    SeatMapProjection(
            SeatMapStateRows maps,
            SeatCellRows cells,
            SeatMapViews views,
            QueryUpdateEmitter updates,
            SlotRouting slots,
            SlotJdbc jdbc,
            SeatMapPeers peers) {
        this.maps = maps;
        this.cells = cells;
        this.views = views;
        this.updates = updates;
        this.slots = slots;
        this.jdbc = jdbc;
        this.peers = peers;
    }

    @EventHandler
    void on(ScreeningScheduledEvent event, @SequenceNumber long sequence, ReplayStatus replay) {
        inBatch(batch -> {
            String id = event.screeningId().value();
            if (batch.map(id) != null) {
                // A screening is scheduled once: this is a second delivery of the same event.
                return;
            }
            SeatMapStateRow map = new SeatMapStateRow(id);
            map.status = event.onSale() ? ScreeningStatus.ON_SALE : ScreeningStatus.SCHEDULED;
            map.pricesJson = views.json(event.prices());
            map.version = sequence;
            List<SeatCellRow> layout = new ArrayList<>();
            List<SeatRow> rows = event.layout().rows();
            for (int r = 0; r < rows.size(); r++) {
                SeatRow row = rows.get(r);
                for (int c = 0; c < row.cells().size(); c++) {
                    LayoutCell cell = row.cells().get(c);
                    SeatCellRow stored = new SeatCellRow(id, r, c, row.label());
                    if (cell != null && cell.sellable()) {
                        stored.seatNumber = cell.number();
                        stored.seatLabel = row.label() + cell.number();
                        stored.seatType = cell.type();
                        stored.state = SeatState.FREE;
                    }
                    layout.add(stored);
                }
            }
            batch.add(map, layout);
            publish(batch, map, replay);
        });
    }

    @EventHandler
    void on(ScreeningPricesChangedEvent event, @SequenceNumber long sequence, ReplayStatus replay) {
        fold(
                event.screeningId().value(),
                sequence,
                replay,
                (batch, map) -> map.pricesJson = views.json(event.prices()));
    }

    @EventHandler
    void on(ScreeningSalesOpenedEvent event, @SequenceNumber long sequence, ReplayStatus replay) {
        fold(event.screeningId().value(), sequence, replay, (batch, map) -> {
            if (map.status != ScreeningStatus.CANCELLED) {
                map.status = ScreeningStatus.ON_SALE;
            }
        });
    }

    @EventHandler
    void on(ScreeningCancelledEvent event, @SequenceNumber long sequence, ReplayStatus replay) {
        fold(event.screeningId().value(), sequence, replay, (batch, map) -> map.status = ScreeningStatus.CANCELLED);
    }

    @EventHandler
    void on(SeatsHeldEvent event, @SequenceNumber long sequence, ReplayStatus replay) {
        String booking = event.bookingId().value();
        Set<String> labels = event.seats().stream().map(SeatPrice::seat).collect(Collectors.toSet());
        fold(event.screeningId().value(), sequence, replay, (batch, map) -> {
            for (SeatCellRow cell : batch.seatsToOverwrite(map, labels)) {
                cell.state = SeatState.HELD;
                cell.holderBookingId = booking;
                batch.changed(cell);
            }
        });
    }

    @EventHandler
    void on(SeatsSoldEvent event, @SequenceNumber long sequence, ReplayStatus replay) {
        String booking = event.bookingId().value();
        fold(event.screeningId().value(), sequence, replay, (batch, map) -> {
            for (SeatCellRow cell : batch.seats(map, Set.copyOf(event.seats()))) {
                // Only the selling booking's seats, held or already sold to it: never a free seat or another's.
                if (booking.equals(cell.holderBookingId)
                        && (cell.state == SeatState.HELD || cell.state == SeatState.SOLD)) {
                    cell.state = SeatState.SOLD;
                    batch.changed(cell);
                }
            }
        });
    }

    @EventHandler
    void on(SeatsReleasedEvent event, @SequenceNumber long sequence, ReplayStatus replay) {
        String booking = event.bookingId().value();
        fold(event.screeningId().value(), sequence, replay, (batch, map) -> {
            for (SeatCellRow cell : batch.seats(map, Set.copyOf(event.seats()))) {
                // Only the releasing booking's seats, held or sold: by now a seat may belong to someone else.
                if (booking.equals(cell.holderBookingId)) {
                    cell.state = SeatState.FREE;
                    cell.holderBookingId = null;
                    batch.changed(cell);
                }
            }
        });
    }

    /** A replay starts from empty tables. */
    @ResetHandler
    void reset() {
        cells.deleteAllInBatch();
        maps.deleteAllInBatch();
    }

    private void fold(
            String screeningId, long sequence, ReplayStatus replay, BiConsumer<SeatMapBatch, SeatMapStateRow> change) {
        inBatch(batch -> {
            SeatMapStateRow map = batch.map(screeningId);
            if (map == null || sequence <= map.version) {
                return;
            }
            change.accept(batch, map);
            map.version = sequence;
            batch.changed(map);
            publish(batch, map, replay);
        });
    }

    /**
     * Folds into the batch of the processor's unit of work (written before it commits), or, when
     * called outside one, into a batch of this one event, written at once.
     */
    private void inBatch(Consumer<SeatMapBatch> work) {
        Optional<SeatMapBatch> batch = ProcessorBatch.current(this, events -> new SeatMapBatch(jdbc).readAhead(events));
        if (batch.isPresent()) {
            work.accept(batch.get());
        } else {
            SeatMapBatch alone = new SeatMapBatch(jdbc);
            work.accept(alone);
            alone.flush();
        }
    }

    private void publish(SeatMapBatch batch, SeatMapStateRow map, ReplayStatus replay) {
        // Nothing from a replay, nor from the slot queries do not read (a rebuild, or the slot kept
        // current for switching back): nobody should watch a seat map travel back in time.
        if ((replay != null && replay.isReplay()) || !slots.isLive()) {
            return;
        }
        String id = map.screeningId;
        // Clients of the other query processes (PostgreSQL) are told by name; they read it themselves.
        if (peers.enabled()) {
            batch.announceWhenWritten(id, peers::announce);
        }
        // Reading the whole map back is the costly part of a seat event: only for someone watching.
        if (!peers.watched(id)) {
            return;
        }
        // The map as the batch leaves it, as it will be committed: read back once the batch is
        // written (in its transaction), once however many of the batch's events changed it; the
        // emitter sends it after the commit.
        // One publisher serves every map of the batch: it names the map it is given, not this one.
        batch.publishWhenWritten(
                map,
                (written, cells) -> updates.emit(
                        FindSeatMapQuery.class,
                        query -> written.screeningId.equals(query.screeningId()),
                        views.view(written, cells)));
    }
}
