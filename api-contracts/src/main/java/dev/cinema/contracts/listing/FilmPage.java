package dev.cinema.contracts.listing;

import java.util.List;

/** A page of films. */
public record FilmPage(List<FilmView> items, PageInfo page) {}
