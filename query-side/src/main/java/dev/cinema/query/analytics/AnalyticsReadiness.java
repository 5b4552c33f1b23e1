package dev.cinema.query.analytics;

import dev.cinema.platform.refusal.Refusal;
import dev.cinema.query.rebuild.SlotRouting;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jpa.TokenEntry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether a projection has read enough of the event store to be answered from: a report of a
 * projection still backfilling would read as "no sales" when there were many. A processing group
 * seen for the first time starts with Axon's default initial token, a replay token that reads from
 * the first event up to the head of the store as it was then; a reset starts one the same way. So
 * a projection has caught up once every segment's token exists and has reached the position its
 * replay runs to; from then on it is live, behind the head only by the ordinary lag of a few
 * events, and is answered from.
 *
 * <p>Everything is read from the token store and the event store, never from the local processor:
 * with two query-side processes the processor may run on the other one, and both must give the
 * same answer. The progress is the lowest segment's position against the head of the store now;
 * global positions have gaps, so the percentage is approximate.
 */
@Component
public class AnalyticsReadiness {

    /** How far a projection has read: its position and the head of the store, in global positions. */
    @Schema(
            name = "ProjectionProgress",
            description = "How far the projection has read the event store: the lowest position of its segments"
                    + " against the head of the store (global positions, which have gaps: the percentage is"
                    + " approximate)")
    public record Progress(double percent, long position, long head) {}

    /** Whether the projection may be answered from, and how far it has read. */
    public record Readiness(String processingGroup, boolean caughtUp, Progress progress) {}

    private final EntityManager entityManager;
    private final EventStore eventStore;
    private final Serializer serializer;
    private final SlotRouting slots;

    AnalyticsReadiness(EntityManager entityManager, EventStore eventStore, Serializer serializer, SlotRouting slots) {
        this.entityManager = entityManager;
        this.eventStore = eventStore;
        this.serializer = serializer;
        this.slots = slots;
    }

    /** Reads the tokens of {@code processingGroup} and the head of the store. */
    @Transactional(readOnly = true)
    public Readiness of(String processingGroup) {
        long head = position(eventStore.createHeadToken());
        List<TokenEntry> entries = entityManager
                .createQuery("select t from TokenEntry t where t.processorName = :name", TokenEntry.class)
                .setParameter("name", processingGroup)
                .getResultList();
        if (entries.isEmpty()) {
            // Not started anywhere yet: nothing read. Only an empty store has nothing to read.
            return new Readiness(processingGroup, head < 0, progress(-1, head));
        }
        boolean backfilling = false;
        long lowest = Long.MAX_VALUE;
        for (TokenEntry entry : entries) {
            TrackingToken token = entry.getToken(serializer);
            long position = position(token);
            lowest = Math.min(lowest, position);
            OptionalLong replaysTo = ReplayToken.getTokenAtReset(token);
            if (replaysTo.isPresent() && position < replaysTo.getAsLong()) {
                backfilling = true;
            }
        }
        return new Readiness(processingGroup, !backfilling, progress(lowest, head));
    }

    /**
     * Refuses with {@code projection-catching-up} (503, with {@code progress}) unless the slot the
     * projection answers from has caught up (the other slot may be in the middle of a rebuild).
     */
    public void requireCaughtUp(String projection, String slotAGroup) {
        Readiness readiness = of(slots.activeGroup(projection, slotAGroup));
        if (!readiness.caughtUp()) {
            throw new Refusal(
                    "projection-catching-up",
                    null,
                    "This report is still being built from the event store ("
                            + readiness.progress().percent() + " % read); it is answered once it has caught up.",
                    Map.of("progress", readiness.progress()));
        }
    }

    private static long position(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        OptionalLong position = token.position();
        return position.isPresent() ? position.getAsLong() : -1;
    }

    /** Rounded down, so that 100 % is never claimed before the head is reached. */
    private static Progress progress(long position, long head) {
        long reached = Math.max(0, position);
        long of = Math.max(0, head);
        double percent =
                of == 0 ? (position >= head ? 100.0 : 0.0) : Math.floor(Math.min(reached, of) * 1000.0 / of) / 10;
        return new Progress(percent, reached, of);
    }
}
