package dev.cinema.query.listing;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Listing rows; written only by {@link CatalogueListingProjection}. */
interface ScreeningRows extends JpaRepository<ScreeningRow, String>, JpaSpecificationExecutor<ScreeningRow> {

    List<ScreeningRow> findByCinemaId(String cinemaId);

    @Modifying
    @Query("update ScreeningRow s set s.filmTitle = :title where s.filmId = :filmId")
    int renameFilm(@Param("filmId") String filmId, @Param("title") String title);

    @Modifying
    @Query("update ScreeningRow s set s.screenName = :name where s.screenId = :screenId")
    int renameScreen(@Param("screenId") String screenId, @Param("name") String name);
}
