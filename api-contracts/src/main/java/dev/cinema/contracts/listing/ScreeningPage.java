package dev.cinema.contracts.listing;

import java.util.List;

/** A page of screenings. */
public record ScreeningPage(List<ScreeningView> items, PageInfo page) {}
