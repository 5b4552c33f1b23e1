package dev.cinema.query.listing;

import org.springframework.data.jpa.repository.JpaRepository;

/** Seats taken by bookings, per screening; written only by {@link CatalogueListingProjection}. */
interface TakenSeatRows extends JpaRepository<TakenSeatRow, TakenSeatRow.Key> {

    long countByScreeningId(String screeningId);
}
