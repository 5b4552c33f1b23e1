package dev.cinema.query.seatmap;

import dev.cinema.contracts.seatmap.FindSeatMapQuery;
import dev.cinema.contracts.seatmap.SeatMap;
import dev.cinema.query.rebuild.SlotRouting;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers seat map queries, one-off and the initial result of the live seat map. The map and its
 * cells are read from one snapshot: read apart, a batch committed in between could show a map of
 * one version with the seats of the next.
 *
 * <p>Built maps are kept for the screenings asked for most recently, by version: a map's version
 * is the sequence number of the last event of its screening folded into it, and everything a map
 * shows comes from its screening's events, so one version always looks the same as long as it
 * is read from the same slot. A popular screening is then one row read
 * per request instead of its 1,500 cells, until it changes. The key includes the slot answering:
 * a rebuilt slot switched to may differ at the same version (a rebuild is how a wrong read model
 * is mended), and must be read afresh.
 */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
class SeatMapQueries {

    private final SeatMapStateRows maps;
    private final SeatCellRows cells;
    private final SeatMapViews views;
    private final SlotRouting slots;
    private final Map<String, SeatMap> built;

    SeatMapQueries(
            SeatMapStateRows maps,
            SeatCellRows cells,
            SeatMapViews views,
            SlotRouting slots,
            SeatMapStreamProperties properties) {
        this.maps = maps;
        this.cells = cells;
        this.views = views;
        this.slots = slots;
        int capacity = properties.cachedMaps();
        this.built = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, SeatMap> eldest) {
                return size() > capacity;
            }
        });
    }

    @QueryHandler
    Optional<SeatMap> handle(FindSeatMapQuery query) {
        return maps.findById(query.screeningId()).map(this::view);
    }

    private SeatMap view(SeatMapStateRow map) {
        String key = slots.activeGroup(SeatMapProjection.PROJECTION, SeatMapProjection.NAME) + "/" + map.screeningId;
        SeatMap cached = built.get(key);
        if (cached != null && cached.version() == map.version) {
            return cached;
        }
        SeatMap view = views.view(map, cells.findByScreeningIdOrderByRowIndexAscCellIndexAsc(map.screeningId));
        built.merge(key, view, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
        return view;
    }
}
