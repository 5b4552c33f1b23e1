package dev.cinema.query.listing;

import dev.cinema.contracts.listing.ScreeningStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Listing rows; written only by {@link CatalogueListingProjection}. */
interface FilmRows extends JpaRepository<FilmRow, String> {

    Page<FilmRow> findByRetiredFalse(Pageable pageable);

    Page<FilmRow> findByRetiredFalseAndReleaseDateAfter(LocalDate date, Pageable pageable);

    Page<FilmRow> findByRetiredFalseAndIdIn(Collection<String> ids, Pageable pageable);

    Page<FilmRow> findByRetiredFalseAndReleaseDateAfterAndIdIn(
            LocalDate date, Collection<String> ids, Pageable pageable);

    @Query("""
            select f from FilmRow f where f.retired = false and f.releaseDate <= :today and exists (
              select s.id from ScreeningRow s where s.filmId = f.id and s.status = :onSale and s.startsAt > :asOf)""")
    Page<FilmRow> nowShowing(
            @Param("today") LocalDate today,
            @Param("asOf") Instant asOf,
            @Param("onSale") ScreeningStatus onSale,
            Pageable pageable);

    /** {@link #nowShowing} among the given films (a customer's favourites). */
    @Query("""
            select f from FilmRow f where f.retired = false and f.releaseDate <= :today and f.id in :ids and exists (
              select s.id from ScreeningRow s where s.filmId = f.id and s.status = :onSale and s.startsAt > :asOf)""")
    Page<FilmRow> nowShowingAmong(
            @Param("today") LocalDate today,
            @Param("asOf") Instant asOf,
            @Param("onSale") ScreeningStatus onSale,
            @Param("ids") Collection<String> ids,
            Pageable pageable);

    @Query("""
            select s.filmId, min(s.startsAt) from ScreeningRow s
            where s.filmId in :ids and s.status = :onSale and s.startsAt > :asOf group by s.filmId""")
    List<Object[]> nextScreenings(
            @Param("ids") Collection<String> filmIds,
            @Param("asOf") Instant asOf,
            @Param("onSale") ScreeningStatus onSale);
}
