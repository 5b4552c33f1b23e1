package dev.cinema.contracts.catalogue.screen;

/** Kind of seat; screenings price each kind separately. A COUPLE seat is one double seat. */
public enum SeatType {
    STANDARD,
    PREMIUM,
    COUPLE,
    WHEELCHAIR
}
