package dev.cinema.query.seatmap;

import org.springframework.data.jpa.repository.JpaRepository;

/** Seat maps; written only by {@link SeatMapProjection}. */
interface SeatMapStateRows extends JpaRepository<SeatMapStateRow, String> {}
