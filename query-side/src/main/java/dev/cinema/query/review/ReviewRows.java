package dev.cinema.query.review;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Written only by {@link ReviewProjection}. */
interface ReviewRows extends JpaRepository<ReviewRow, String> {

    Page<ReviewRow> findByFilmIdAndPostedTrueAndHiddenFalse(String filmId, Pageable pageable);

    /** Film id, number of visible reviews and the sum of their ratings, for each film that has any. */
    @Query("""
            select r.filmId, count(r), sum(r.rating) from ReviewRow r
            where r.filmId in :filmIds and r.posted = true and r.hidden = false group by r.filmId""")
    List<Object[]> ratings(@Param("filmIds") Collection<String> filmIds);
}
