package dev.cinema.contracts.listing;

/** A location in listings. */
public record LocationView(String id, String name, int cinemaCount) {}
