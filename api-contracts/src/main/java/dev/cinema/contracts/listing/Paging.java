package dev.cinema.contracts.listing;

/** Which page of a list to return: zero-based page number, page size, sort property and direction. */
public record Paging(int page, int size, String sortBy, Direction direction) {

    public enum Direction {
        ASC,
        DESC
    }
}
