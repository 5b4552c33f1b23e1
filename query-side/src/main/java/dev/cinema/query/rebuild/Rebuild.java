package dev.cinema.query.rebuild;

import java.time.Instant;

/**
 * One rebuild as recorded in {@code projection_rebuild}: written by the node driving it (its
 * leader), read by any node. {@code step} is the leader's own progress within a phase.
 */
final class Rebuild {

    enum Step {
        /** Waiting for every node to stop the target slot's processor. */
        STOPPING,
        /** The target slot's processor replays from the first event. */
        REPLAYING,
        /** Waiting for every node to stop both slots' processors. */
        PAUSING,
        /** Both slots run again and catch up before the next attempt at a consistent cut. */
        CATCHING_UP,
        DONE
    }

    String id;
    String projection;
    Slot target;
    RebuildPhase phase;
    Step step;
    boolean autoSwitch;
    String leader;
    Instant startedAt;
    Instant updatedAt;
    long headAtStart;
    long head;
    Long rebuiltPosition;
    Long activePosition;
    double eventsPerSecond;
    double percent;
    Long secondsLeft;
    Long cut;
    String checksumActive;
    String checksumRebuilt;
    /** JSON array of the differing buckets, as stored. */
    String differingBuckets;

    String error;
}
