package dev.cinema.query.listing;

import org.springframework.data.jpa.repository.JpaRepository;

/** Listing rows; written only by {@link CatalogueListingProjection}. */
interface ScreenRows extends JpaRepository<ScreenRow, String> {}
