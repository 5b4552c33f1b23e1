package dev.cinema.contracts.seatmap;

/** What anyone may know of a seat. */
public enum SeatState {
    FREE,
    HELD,
    SOLD
}
