package dev.cinema.query.favourite;

import dev.cinema.contracts.favourite.FavouriteKind;
import dev.cinema.contracts.favourite.FavouriteView;
import dev.cinema.contracts.favourite.FavouritesView;
import dev.cinema.contracts.favourite.FindFavouritesQuery;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers a customer's favourites, and only theirs. Items that left the catalogue (retired) are
 * left out, as they are left out of the listings. The favourites and their names are read in one
 * snapshot.
 */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
class FavouriteQueries {

    private static final Comparator<FavouriteView> BY_NAME = Comparator.comparing(
                    (FavouriteView view) -> view.name().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(FavouriteView::id);

    private final FavouriteRows favourites;
    private final FavouriteItemRows items;

    FavouriteQueries(FavouriteRows favourites, FavouriteItemRows items) {
        this.favourites = favourites;
        this.items = items;
    }

    @QueryHandler
    FavouritesView handle(FindFavouritesQuery query) {
        List<FavouriteRow> rows = favourites.findByCustomerIdAndPresentTrue(query.customerId());
        Map<String, FavouriteItemRow> named =
                items
                        .findAllById(rows.stream()
                                .map(row -> FavouriteItemRow.key(row.kind, row.itemId))
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(item -> item.key, Function.identity()));
        return new FavouritesView(
                views(rows, named, FavouriteKind.FILM),
                views(rows, named, FavouriteKind.CINEMA),
                views(rows, named, FavouriteKind.LOCATION));
    }

    private static List<FavouriteView> views(
            List<FavouriteRow> rows, Map<String, FavouriteItemRow> named, FavouriteKind kind) {
        return rows.stream()
                .filter(row -> row.kind == kind)
                .map(row -> {
                    FavouriteItemRow item = named.get(FavouriteItemRow.key(kind, row.itemId));
                    return item == null || item.retired ? null : new FavouriteView(row.itemId, item.name, row.addedAt);
                })
                .filter(java.util.Objects::nonNull)
                .sorted(BY_NAME)
                .toList();
    }
}
