package dev.cinema.query.rebuild;

/** What one slot of a projection holds and whether its processor runs (on every node). */
enum SlotState {
    /** Never built: its processor does not run and it cannot be switched to. */
    EMPTY,
    /** Its processor follows the events. */
    LIVE,
    /** Stopped everywhere for a moment, so that both slots can be compared at one position. */
    PAUSED,
    /** Stopped everywhere so that it can be emptied and replayed. */
    RESETTING;

    boolean runs() {
        return this == LIVE;
    }
}
