package dev.cinema.query.seatmap;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Seat map cells; written only by {@link SeatMapProjection}. */
interface SeatCellRows extends JpaRepository<SeatCellRow, SeatCellRow.Key> {

    List<SeatCellRow> findByScreeningIdOrderByRowIndexAscCellIndexAsc(String screeningId);

    List<SeatCellRow> findByScreeningIdAndSeatLabelIn(String screeningId, Collection<String> seatLabels);
}
