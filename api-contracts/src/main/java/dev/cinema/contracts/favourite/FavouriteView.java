package dev.cinema.contracts.favourite;

import java.time.Instant;

/** One favourite: the catalogue item's id and current name, and when it became a favourite. */
public record FavouriteView(String id, String name, Instant addedAt) {}
