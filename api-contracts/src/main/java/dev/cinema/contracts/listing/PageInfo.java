package dev.cinema.contracts.listing;

/** Page metadata of a list result; {@code number} is zero-based. */
public record PageInfo(int number, int size, long totalElements, int totalPages) {}
