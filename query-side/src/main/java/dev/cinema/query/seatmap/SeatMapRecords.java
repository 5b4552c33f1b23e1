package dev.cinema.query.seatmap;

import org.springframework.data.jpa.repository.JpaRepository;

/** Seat maps; written only by {@link SeatMapProjection}. */
interface SeatMapRecords extends JpaRepository<SeatMapRecord, String> {}
