package dev.cinema.query.seatmap;

import dev.cinema.contracts.seatmap.FindSeatMapQuery;
import dev.cinema.contracts.seatmap.SeatMap;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers seat map queries, one-off and the initial result of the live seat map. The map and its
 * cells are read from one snapshot: read apart, a batch committed in between could show a map of
 * one version with the seats of the next.
 */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
class SeatMapQueries {

    private final SeatMapStateRows maps;
    private final SeatCellRows cells;
    private final SeatMapViews views;

    SeatMapQueries(SeatMapStateRows maps, SeatCellRows cells, SeatMapViews views) {
        this.maps = maps;
        this.cells = cells;
        this.views = views;
    }

    @QueryHandler
    Optional<SeatMap> handle(FindSeatMapQuery query) {
        return maps.findById(query.screeningId())
                .map(map -> views.view(map, cells.findByScreeningIdOrderByRowIndexAscCellIndexAsc(map.screeningId)));
    }
}
