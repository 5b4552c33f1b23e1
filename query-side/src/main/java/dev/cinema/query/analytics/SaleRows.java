package dev.cinema.query.analytics;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Written only by {@link SalesProjection}, read by {@link AnalyticsQueries}. */
interface SaleRows extends JpaRepository<SaleRow, String> {

    List<SaleRow> findByCinemaIdAndSoldAtIsNotNull(String cinemaId);
}
