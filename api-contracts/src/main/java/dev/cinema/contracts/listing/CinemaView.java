package dev.cinema.contracts.listing;

import dev.cinema.contracts.catalogue.cinema.Address;

/** A cinema in listings. */
public record CinemaView(
        String id,
        String locationId,
        String locationName,
        String name,
        Address address,
        String timeZone,
        int screenCount) {}
