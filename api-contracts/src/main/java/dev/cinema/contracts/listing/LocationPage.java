package dev.cinema.contracts.listing;

import java.util.List;

/** A page of locations. */
public record LocationPage(List<LocationView> items, PageInfo page) {}
