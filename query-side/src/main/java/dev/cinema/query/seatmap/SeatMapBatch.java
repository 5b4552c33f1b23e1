package dev.cinema.query.seatmap;

import dev.cinema.contracts.booking.SeatsHeldEvent;
import dev.cinema.contracts.booking.SeatsReleasedEvent;
import dev.cinema.contracts.booking.SeatsSoldEvent;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.catalogue.screening.ScreeningEvent;
import dev.cinema.contracts.listing.ScreeningStatus;
import dev.cinema.contracts.seatmap.SeatState;
import dev.cinema.query.rebuild.ProcessorBatch;
import dev.cinema.query.rebuild.SlotJdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;

/**
 * The seat maps one batch of events touches, in memory: each map read once (or made by its
 * scheduling), each seat read at most once (only seats whose state a sale or release needs: a hold
 * sets a seat whatever it was), changed in memory event by event, and written once by {@link
 * #flush()}: new maps and cells inserted, changed ones updated, many rows to a statement ({@link
 * SlotJdbc}). The objects are {@link SeatMapStateRow}s and {@link SeatCellRow}s used as plain
 * objects, never managed by JPA.
 */
final class SeatMapBatch implements ProcessorBatch.State {

    private static final SlotJdbc.Columns MAP_COLUMNS = new SlotJdbc.Columns(
            "read_model.seat_map",
            List.of("screening_id", "status", "prices_json", "version"),
            new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT});

    private static final SlotJdbc.Columns CELL_COLUMNS = new SlotJdbc.Columns(
            "read_model.seat_map_cell",
            List.of(
                    "screening_id",
                    "row_index",
                    "cell_index",
                    "row_label",
                    "seat_number",
                    "seat_label",
                    "seat_type",
                    "state",
                    "holder_booking_id"),
            new int[] {
                Types.VARCHAR,
                Types.INTEGER,
                Types.INTEGER,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.VARCHAR,
                Types.VARCHAR
            });

    /** What a map's events change, then its key. */
    private static final SlotJdbc.Columns MAP_CHANGES = new SlotJdbc.Columns(
            "read_model.seat_map",
            List.of("status", "prices_json", "version", "screening_id"),
            new int[] {Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR});

    /** What a seat's events change, then the seat's key: its label is unique in its map. */
    private static final SlotJdbc.Columns CELL_CHANGES = new SlotJdbc.Columns(
            "read_model.seat_map_cell",
            List.of("state", "holder_booking_id", "screening_id", "seat_label"),
            new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR});

    private static final String SELECT_MAPS =
            "select screening_id, status, prices_json, version from read_model.seat_map where";
    private static final String SELECT_CELLS = "select screening_id, row_index, cell_index, row_label, seat_number,"
            + " seat_label, seat_type, state, holder_booking_id from read_model.seat_map_cell where";

    private final SlotJdbc jdbc;

    /** Every map looked up in this batch; null for one that does not exist (yet). */
    private final Map<String, SeatMapStateRow> maps = new HashMap<>();

    /** Each map's seats looked up in this batch, by label (for a map made in this batch: all of them). */
    private final Map<String, Map<String, SeatCellRow>> seats = new HashMap<>();

    /** Seats looked up and not found (a label the layout does not have), so as not to look again. */
    private final Set<String> missingSeats = new HashSet<>();

    /** Screenings scheduled in this batch: every seat they have is in memory. */
    private final Set<String> complete = new HashSet<>();

    private final Set<SeatMapStateRow> newMaps = new LinkedHashSet<>();
    private final Set<SeatMapStateRow> changedMaps = new LinkedHashSet<>();
    private final List<SeatCellRow> newCells = new ArrayList<>();
    private final Set<SeatCellRow> changedCells = new LinkedHashSet<>();

    /** Watched maps this batch changed, to be sent as they stand once the batch is written. */
    private final Map<String, SeatMapStateRow> toPublish = new LinkedHashMap<>();

    private BiConsumer<SeatMapStateRow, List<SeatCellRow>> publisher;

    /** Every map this batch changed, named to the other query processes once the batch is written. */
    private final Set<String> toAnnounce = new LinkedHashSet<>();

    private Consumer<Collection<String>> announcer;

    SeatMapBatch(SlotJdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Reads at once every map the batch's events are about, and every seat whose state a sale or
     * release needs: not the seats a hold sets (a hold makes a seat HELD by its booking whatever it
     * was, so a hold needs nothing read, and whatever follows it in the batch finds the seat in
     * memory), nor those of a screening scheduled in the batch.
     */
    SeatMapBatch readAhead(List<EventMessage<?>> events) {
        Set<String> screenings = new LinkedHashSet<>();
        Set<String> held = new HashSet<>();
        Map<String, Object[]> wanted = new LinkedHashMap<>();
        for (EventMessage<?> message : events) {
            if (!(message.getPayload() instanceof ScreeningEvent event)) {
                continue;
            }
            String screening = event.screeningId().value();
            screenings.add(screening);
            if (event instanceof SeatsHeldEvent hold) {
                hold.seats().forEach(seat -> held.add(seatKey(screening, seat.seat())));
            } else {
                Collection<String> named = event instanceof SeatsSoldEvent sold
                        ? sold.seats()
                        : event instanceof SeatsReleasedEvent released ? released.seats() : List.of();
                for (String label : named) {
                    String key = seatKey(screening, label);
                    if (!held.contains(key)) {
                        wanted.putIfAbsent(key, new Object[] {screening, label});
                    }
                }
            }
        }
        loadMaps(screenings);
        loadSeats(wanted.values().stream()
                .filter(key -> maps.get((String) key[0]) != null)
                .toList());
        return this;
    }

    /** The screening's map, or null if it was never scheduled. */
    SeatMapStateRow map(String screeningId) {
        if (!maps.containsKey(screeningId)) {
            loadMaps(List.of(screeningId));
        }
        return maps.get(screeningId);
    }

    /** A map made by its screening's scheduling, with its whole layout. */
    void add(SeatMapStateRow map, List<SeatCellRow> cells) {
        maps.put(map.screeningId, map);
        newMaps.add(map);
        complete.add(map.screeningId);
        Map<String, SeatCellRow> byLabel = seats.computeIfAbsent(map.screeningId, id -> new HashMap<>());
        for (SeatCellRow cell : cells) {
            if (cell.isSeat()) {
                byLabel.put(cell.seatLabel, cell);
            }
        }
        newCells.addAll(cells);
    }

    /** The map's seats of these labels, as they are (labels it does not have left out). */
    List<SeatCellRow> seats(SeatMapStateRow map, Collection<String> labels) {
        Map<String, SeatCellRow> known = seats.computeIfAbsent(map.screeningId, id -> new HashMap<>());
        if (!complete.contains(map.screeningId)) {
            List<Object[]> unknown = new ArrayList<>();
            for (String label : labels) {
                if (!known.containsKey(label) && !missingSeats.contains(seatKey(map.screeningId, label))) {
                    unknown.add(new Object[] {map.screeningId, label});
                }
            }
            loadSeats(unknown);
        }
        List<SeatCellRow> found = new ArrayList<>();
        for (String label : labels) {
            SeatCellRow cell = known.get(label);
            if (cell != null) {
                found.add(cell);
            }
        }
        return found;
    }

    /**
     * The map's seats of these labels, for a change that does not depend on what they were (a
     * hold): a seat not in memory is not read but stands for the seat of that label, written by
     * its label (so that a label the layout lacks matches no row, as it would have matched no seat).
     */
    List<SeatCellRow> seatsToOverwrite(SeatMapStateRow map, Collection<String> labels) {
        if (complete.contains(map.screeningId)) {
            return seats(map, labels);
        }
        Map<String, SeatCellRow> known = seats.computeIfAbsent(map.screeningId, id -> new HashMap<>());
        List<SeatCellRow> found = new ArrayList<>();
        for (String label : labels) {
            SeatCellRow cell = known.get(label);
            if (cell == null && !missingSeats.contains(seatKey(map.screeningId, label))) {
                // Only its label is known: it is never inserted, only updated by label.
                cell = new SeatCellRow(map.screeningId, -1, -1, null);
                cell.seatLabel = label;
                cell.stored();
                known.put(label, cell);
            }
            if (cell != null) {
                found.add(cell);
            }
        }
        return found;
    }

    void changed(SeatMapStateRow map) {
        if (!newMaps.contains(map)) {
            changedMaps.add(map);
        }
    }

    void changed(SeatCellRow cell) {
        if (!cell.isNew()) {
            changedCells.add(cell);
        }
    }

    @Override
    public void flush() {
        jdbc.insert(
                MAP_COLUMNS,
                newMaps.stream()
                        .map(map -> new Object[] {map.screeningId, map.status, map.pricesJson, map.version})
                        .toList());
        jdbc.insert(
                CELL_COLUMNS,
                newCells.stream()
                        .map(cell -> new Object[] {
                            cell.screeningId,
                            cell.rowIndex,
                            cell.cellIndex,
                            cell.rowLabel,
                            cell.seatNumber,
                            cell.seatLabel,
                            cell.seatType,
                            cell.state,
                            cell.holderBookingId
                        })
                        .toList());
        jdbc.update(
                MAP_CHANGES,
                1,
                changedMaps.stream()
                        .map(map -> new Object[] {map.status, map.pricesJson, map.version, map.screeningId})
                        .toList());
        jdbc.update(
                CELL_CHANGES,
                2,
                changedCells.stream()
                        .map(cell -> new Object[] {cell.state, cell.holderBookingId, cell.screeningId, cell.seatLabel})
                        .toList());
        newCells.forEach(SeatCellRow::stored);
        newMaps.clear();
        changedMaps.clear();
        newCells.clear();
        changedCells.clear();
        List<SeatMapStateRow> published = List.copyOf(toPublish.values());
        toPublish.clear();
        published.forEach(map -> publisher.accept(map, storedCells(map.screeningId)));
        if (!toAnnounce.isEmpty()) {
            announcer.accept(List.copyOf(toAnnounce));
            toAnnounce.clear();
        }
    }

    /**
     * Gives {@code announcer} the map's id once this batch is written, in its transaction, with
     * every other map the batch changed (one announcer for all: the last one given).
     */
    void announceWhenWritten(String screeningId, Consumer<Collection<String>> announcer) {
        this.announcer = announcer;
        toAnnounce.add(screeningId);
    }

    /**
     * Sends {@code map} to {@code publisher} with its cells as written, once this batch is written
     * (one publisher for all the batch's maps: the last one given, so it must not depend on the map):
     * a map changed by many events of one batch is read back and sent once, as the batch leaves it
     * (each sent map is a whole map, so a watcher needs only the latest).
     */
    void publishWhenWritten(SeatMapStateRow map, BiConsumer<SeatMapStateRow, List<SeatCellRow>> publisher) {
        this.publisher = publisher;
        toPublish.put(map.screeningId, map);
    }

    /** The map's cells as written (flush first), in layout order. */
    List<SeatCellRow> storedCells(String screeningId) {
        return jdbc.select(
                SELECT_CELLS + " screening_id = ? order by row_index, cell_index", SeatMapBatch::cell, screeningId);
    }

    private void loadMaps(Collection<String> screeningIds) {
        List<Object[]> keys = screeningIds.stream()
                .filter(id -> !maps.containsKey(id))
                .map(id -> new Object[] {id})
                .toList();
        if (keys.isEmpty()) {
            return;
        }
        keys.forEach(key -> maps.put((String) key[0], null));
        jdbc.selectByKeys(SELECT_MAPS, List.of("screening_id"), new int[] {Types.VARCHAR}, keys, SeatMapBatch::map)
                .forEach(map -> maps.put(map.screeningId, map));
    }

    private void loadSeats(List<Object[]> keys) {
        if (keys.isEmpty()) {
            return;
        }
        keys.forEach(key -> missingSeats.add(seatKey((String) key[0], (String) key[1])));
        jdbc.selectByKeys(
                        SELECT_CELLS,
                        List.of("screening_id", "seat_label"),
                        new int[] {Types.VARCHAR, Types.VARCHAR},
                        keys,
                        SeatMapBatch::cell)
                .forEach(cell -> {
                    missingSeats.remove(seatKey(cell.screeningId, cell.seatLabel));
                    seats.computeIfAbsent(cell.screeningId, id -> new HashMap<>())
                            .putIfAbsent(cell.seatLabel, cell);
                });
    }

    private static String seatKey(String screeningId, String label) {
        return screeningId + '\n' + label;
    }

    private static SeatMapStateRow map(ResultSet row, int index) throws SQLException {
        SeatMapStateRow map = new SeatMapStateRow(row.getString("screening_id"));
        map.status = ScreeningStatus.valueOf(row.getString("status"));
        map.pricesJson = row.getString("prices_json");
        map.version = row.getLong("version");
        return map;
    }

    private static SeatCellRow cell(ResultSet row, int index) throws SQLException {
        SeatCellRow cell = new SeatCellRow(
                row.getString("screening_id"),
                row.getInt("row_index"),
                row.getInt("cell_index"),
                row.getString("row_label"));
        cell.seatNumber = row.getString("seat_number");
        cell.seatLabel = row.getString("seat_label");
        String type = row.getString("seat_type");
        cell.seatType = type == null ? null : SeatType.valueOf(type);
        String state = row.getString("state");
        cell.state = state == null ? null : SeatState.valueOf(state);
        cell.holderBookingId = row.getString("holder_booking_id");
        cell.stored();
        return cell;
    }
}
