package dev.cinema.contracts.listing;

import java.util.List;

/** A page of screens. */
public record ScreenPage(List<ScreenView> items, PageInfo page) {}
