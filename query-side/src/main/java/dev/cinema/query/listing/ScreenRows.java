package dev.cinema.query.listing;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Listing rows; written only by {@link CatalogueListingProjection}. */
interface ScreenRows extends JpaRepository<ScreenRow, String> {

    Page<ScreenRow> findByCinemaId(String cinemaId, Pageable pageable);

    Page<ScreenRow> findByCinemaIdAndRetiredFalse(String cinemaId, Pageable pageable);
}
