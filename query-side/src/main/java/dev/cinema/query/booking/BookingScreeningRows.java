package dev.cinema.query.booking;

import org.springframework.data.jpa.repository.JpaRepository;

/** Written only by {@link CustomerBookingProjection}. */
interface BookingScreeningRows extends JpaRepository<BookingScreeningRow, String> {}
