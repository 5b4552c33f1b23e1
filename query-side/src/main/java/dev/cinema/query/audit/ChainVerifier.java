package dev.cinema.query.audit;

import dev.cinema.platform.audit.EventChain;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks one stream's hash chain, event by event, against the key: the first link that does not
 * hold is the answer. Pure: given the stream's events as stored (in sequence order), the link
 * before the first of them, and the head its latest checkpoint signed.
 */
final class ChainVerifier {

    /** Streams longer than this are not searched for the place a failing event was linked at. */
    private static final int REORDER_SEARCH_LIMIT = 64;

    private final EventChain chain;

    ChainVerifier(EventChain chain) {
        this.chain = chain;
    }

    /** What checking a stream found: the first broken link (or null) and how many events carried no link. */
    record Outcome(BrokenLink broken, int unchained) {}

    /**
     * @param events        the stream's events in sequence order, from {@code firstExpected} on
     * @param firstExpected the sequence number the first of them should have
     * @param previousLink  the link of the event before {@code firstExpected} (null at the start)
     * @param head          the head its latest checkpoint signed, if one did and it is in scope
     */
    Outcome verify(List<StoredEvent> events, long firstExpected, String previousLink, Checkpoints.Head head) {
        long expected = firstExpected;
        String previous = previousLink;
        boolean chained = previousLink != null;
        int unchained = 0;
        List<String> links = new ArrayList<>();
        for (StoredEvent event : events) {
            if (event.sequence() != expected) {
                return new Outcome(
                        broken(
                                event,
                                expected,
                                BrokenLink.Kind.MISSING,
                                null,
                                event.sequence() - expected == 1
                                        ? "no event at sequence " + expected + "; the stream goes on at "
                                                + event.sequence()
                                        : "no events at sequences " + expected + " to " + (event.sequence() - 1)),
                        unchained);
            }
            String stored;
            try {
                stored = event.link();
            } catch (IllegalArgumentException e) {
                return new Outcome(
                        broken(
                                event,
                                expected,
                                BrokenLink.Kind.ALTERED,
                                event.globalIndex(),
                                "its metadata is not what was stored"),
                        unchained);
            }
            if (stored == null) {
                if (chained) {
                    return new Outcome(
                            broken(
                                    event,
                                    expected,
                                    BrokenLink.Kind.ALTERED,
                                    event.globalIndex(),
                                    "its link was removed"),
                            unchained);
                }
                // The stream began before events were chained: its chain starts at its first linked event.
                unchained++;
                links.add(null);
                expected++;
                continue;
            }
            if (!stored.equals(link(previous, event, expected))) {
                Long linkedAt = linkedAt(event, events, stored);
                return new Outcome(
                        linkedAt != null && linkedAt != expected
                                ? broken(
                                        event,
                                        expected,
                                        BrokenLink.Kind.REORDERED,
                                        event.globalIndex(),
                                        "the event here was linked at sequence " + linkedAt)
                                : broken(
                                        event,
                                        expected,
                                        BrokenLink.Kind.ALTERED,
                                        event.globalIndex(),
                                        "the event is not what its link covered (edited, or linked without the key)"),
                        unchained);
            }
            chained = true;
            previous = stored;
            links.add(stored);
            expected++;
        }
        if (head != null) {
            String aggregateType =
                    events.isEmpty() ? head.aggregateType() : events.get(0).aggregateType();
            String aggregateId = head.aggregateId();
            if (expected <= head.sequence()) {
                return new Outcome(
                        new BrokenLink(
                                aggregateId,
                                aggregateType,
                                expected,
                                BrokenLink.Kind.TRUNCATED,
                                null,
                                "checkpoint " + head.checkpoint() + " signed this stream up to sequence "
                                        + head.sequence() + "; it now ends at " + (expected - 1)),
                        unchained);
            }
            int index = (int) (head.sequence() - firstExpected);
            if (index >= 0 && index < links.size() && !head.link().equals(links.get(index))) {
                StoredEvent atHead = events.get(index);
                return new Outcome(
                        broken(
                                atHead,
                                head.sequence(),
                                BrokenLink.Kind.ALTERED,
                                atHead.globalIndex(),
                                "its link is not the one checkpoint " + head.checkpoint()
                                        + " signed: the chain was recomputed"),
                        unchained);
            }
        }
        return new Outcome(null, unchained);
    }

    private String link(String previous, StoredEvent event, long sequence) {
        try {
            return chain.link(previous, event.chained(sequence));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The sequence number a failing event was linked at, if its link holds for it at another place
     * of the stream (after any of the stream's links, or at its start): it was moved.
     */
    private Long linkedAt(StoredEvent event, List<StoredEvent> stream, String stored) {
        if (stream.size() > REORDER_SEARCH_LIMIT) {
            return null;
        }
        List<String> candidates = new ArrayList<>();
        candidates.add(null);
        for (StoredEvent other : stream) {
            try {
                String link = other.link();
                if (link != null && !link.equals(stored)) {
                    candidates.add(link);
                }
            } catch (IllegalArgumentException e) {
                // an unreadable neighbour links nothing
            }
        }
        long first = stream.get(0).sequence();
        long last = stream.get(stream.size() - 1).sequence();
        for (long sequence = first; sequence <= last; sequence++) {
            for (String previous : candidates) {
                if (stored.equals(link(previous, event, sequence))) {
                    return sequence;
                }
            }
        }
        return null;
    }

    private static BrokenLink broken(
            StoredEvent event, long sequence, BrokenLink.Kind kind, Long globalIndex, String detail) {
        return new BrokenLink(event.aggregateId(), event.aggregateType(), sequence, kind, globalIndex, detail);
    }
}
