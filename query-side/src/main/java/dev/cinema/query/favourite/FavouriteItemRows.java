package dev.cinema.query.favourite;

import org.springframework.data.jpa.repository.JpaRepository;

/** Written only by {@link FavouriteProjection}. */
interface FavouriteItemRows extends JpaRepository<FavouriteItemRow, String> {}
