package dev.cinema.query.rebuild;

/** Where a rebuild stands, as analysts see it. */
public enum RebuildPhase {
    /** The target slot is being stopped, emptied and replayed from the first event. */
    REPLAYING,
    /** Caught up; both slots are being stopped at one position and compared. */
    VERIFYING,
    /** Verified and waiting for a switch, or stopped by a checksum mismatch (never switched). */
    READY,
    /** The rebuilt slot answers queries. */
    SWITCHED,
    FAILED;

    boolean finished() {
        return this == READY || this == SWITCHED || this == FAILED;
    }
}
