package dev.cinema.query.analytics;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Written only by {@link OccupancyProjection}, read by {@link AnalyticsQueries}. */
interface OccupancyScreeningRows extends JpaRepository<OccupancyScreeningRow, String> {

    List<OccupancyScreeningRow> findByCinemaId(String cinemaId);
}
