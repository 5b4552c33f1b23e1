package dev.cinema.contracts.listing;

import dev.cinema.contracts.catalogue.screen.ScreenFormat;
import dev.cinema.contracts.catalogue.screen.SeatLayout;

/**
 * A screen with its seat layout, in the shape the catalogue commands take it. The layout is null
 * only for a screen folded before the read model kept layouts, until a rebuild of the listings.
 */
public record ScreenView(
        String id,
        String cinemaId,
        String name,
        ScreenFormat format,
        int seatCount,
        boolean retired,
        SeatLayout layout) {}
