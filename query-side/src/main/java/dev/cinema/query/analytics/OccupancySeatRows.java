package dev.cinema.query.analytics;

import org.springframework.data.jpa.repository.JpaRepository;

/** Written only by {@link OccupancyProjection}. */
interface OccupancySeatRows extends JpaRepository<OccupancySeatRow, OccupancySeatRow.Key> {

    long countByKeyScreeningId(String screeningId);
}
