package dev.cinema.contracts.favourite;

import java.util.List;

/**
 * A customer's favourites by kind, each list ordered by name. Every list is complete: a customer
 * keeps at most 100 favourites of each kind (the command side refuses more), so none needs paging.
 */
public record FavouritesView(List<FavouriteView> films, List<FavouriteView> cinemas, List<FavouriteView> locations) {}
