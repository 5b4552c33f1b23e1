package dev.cinema.query.seatmap;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Seat map cells; written only by {@link SeatMapProjection}. */
interface SeatCells extends JpaRepository<SeatCell, SeatCell.Key> {

    List<SeatCell> findByScreeningIdOrderByRowIndexAscCellIndexAsc(String screeningId);

    List<SeatCell> findByScreeningIdAndSeatLabelIn(String screeningId, Collection<String> seatLabels);
}
