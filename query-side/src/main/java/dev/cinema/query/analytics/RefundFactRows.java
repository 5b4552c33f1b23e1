package dev.cinema.query.analytics;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Written only by {@link RefundProjection}, read by {@link AnalyticsQueries}. */
interface RefundFactRows extends JpaRepository<RefundFactRow, String> {

    List<RefundFactRow> findByCinemaId(String cinemaId);
}
