package dev.cinema.command.alert;

import dev.cinema.contracts.favourite.FavouriteKind;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AlertFavourites extends JpaRepository<AlertFavouriteEntry, String> {

    List<AlertFavouriteEntry> findByKindAndItemIdOrderByCustomerId(FavouriteKind kind, String itemId);
}
