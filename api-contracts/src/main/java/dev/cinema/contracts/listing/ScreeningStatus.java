package dev.cinema.contracts.listing;

/** Sale state of a screening as listings show it. */
public enum ScreeningStatus {
    SCHEDULED,
    ON_SALE,
    CANCELLED
}
