package dev.cinema.query.listing;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Listing rows; written only by {@link CatalogueListingProjection}. */
interface CinemaRows extends JpaRepository<CinemaRow, String> {

    Page<CinemaRow> findByRetiredFalse(Pageable pageable);

    Page<CinemaRow> findByLocationIdAndRetiredFalse(String locationId, Pageable pageable);

    @Query(
            "select s.cinemaId, count(s) from ScreenRow s where s.retired = false and s.cinemaId in :ids group by s.cinemaId")
    List<Object[]> countScreens(@Param("ids") Collection<String> cinemaIds);
}
