package dev.cinema.contracts.listing;

import java.util.List;

/** A page of cinemas. */
public record CinemaPage(List<CinemaView> items, PageInfo page) {}
