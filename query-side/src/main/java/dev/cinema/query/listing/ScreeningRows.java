package dev.cinema.query.listing;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Listing rows; written only by {@link CatalogueListingProjection}. */
interface ScreeningRows extends JpaRepository<ScreeningRow, String>, JpaSpecificationExecutor<ScreeningRow> {

    // Copies of names are changed through the entities, not bulk updates: a bulk update bypasses
    // the persistence context, and a row already loaded in the same batch would write the old
    // name back when anything else of it changes.
    List<ScreeningRow> findByCinemaId(String cinemaId);

    List<ScreeningRow> findByFilmId(String filmId);

    List<ScreeningRow> findByScreenId(String screenId);
}
