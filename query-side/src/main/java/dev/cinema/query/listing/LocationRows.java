package dev.cinema.query.listing;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Listing rows; written only by {@link CatalogueListingProjection}. */
interface LocationRows extends JpaRepository<LocationRow, String> {

    Page<LocationRow> findByRetiredFalse(Pageable pageable);

    @Query(
            "select c.locationId, count(c) from CinemaRow c where c.retired = false and c.locationId in :ids group by c.locationId")
    List<Object[]> countCinemas(@Param("ids") Collection<String> locationIds);
}
