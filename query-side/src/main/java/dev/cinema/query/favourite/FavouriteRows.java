package dev.cinema.query.favourite;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Written only by {@link FavouriteProjection}. */
interface FavouriteRows extends JpaRepository<FavouriteRow, String> {

    List<FavouriteRow> findByCustomerIdAndPresentTrue(String customerId);
}
