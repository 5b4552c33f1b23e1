package dev.cinema.command.booking;

import java.util.List;

/** Extra members of the problems the booking operations answer, as the API documents show them. */
final class BookingProblems {

    private BookingProblems() {}

    /** 400 unknown-seats: the requested labels that are no seat of the screening. */
    record UnknownSeats(List<String> unknownSeats) {}

    /**
     * 409 seats-unavailable: the requested seats someone else holds or bought; or 409
     * stranded-seat: the seats the choice would leave alone between taken seats.
     */
    record SeatsNotFree(List<String> unavailableSeats, List<String> strandedSeats) {}
}
