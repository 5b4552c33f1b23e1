package dev.cinema.query.audit;

import dev.cinema.platform.audit.EventChain;
import dev.cinema.platform.refusal.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Checks the hash chain of the chained streams (Booking, Payment, Refund) as stored: every event's
 * link against its content and the link before it, gaps in sequence numbers, and each stream's
 * length against the head its latest checkpoint signed. Streams are read with a cursor, stream by
 * stream, and checked against their checkpoints a batch at a time: memory holds a batch of
 * streams, never the store.
 */
@Component
class IntegrityCheck {

    private static final int BATCH = 500;

    private final StoredEvents store;
    private final Checkpoints checkpoints;
    private final EventChain chain;
    private final ChainVerifier verifier;

    IntegrityCheck(StoredEvents store, Checkpoints checkpoints, EventChain chain) {
        this.store = store;
        this.checkpoints = checkpoints;
        this.chain = chain;
        this.verifier = new ChainVerifier(chain);
    }

    /**
     * Every chained event whose instant is in the period, each against its stored predecessor, and
     * the heads checkpoints signed within it; the whole store when the period is open.
     */
    IntegrityReport check(AuditPeriod period) {
        Tally tally = new Tally();
        store.readOnly(() -> {
            List<Object> arguments = new ArrayList<>(chain.aggregates());
            String where = "where type in (" + StoredEvents.placeholders(arguments.size()) + ")";
            if (!period.isAll()) {
                where += " and time_stamp >= ? and time_stamp < ?";
                arguments.add(period.fromText());
                arguments.add(period.toText());
            }
            List<Stream> batch = new ArrayList<>();
            Stream[] current = {null};
            store.stream(where + " order by aggregate_identifier, sequence_number", arguments, event -> {
                if (current[0] == null || !current[0].aggregateId.equals(event.aggregateId())) {
                    current[0] = new Stream(event.aggregateId());
                    batch.add(current[0]);
                    if (batch.size() > BATCH) {
                        verify(batch.subList(0, BATCH), period, tally);
                        batch.subList(0, BATCH).clear();
                    }
                }
                current[0].events.add(event);
            });
            verify(batch, period, tally);
            for (Checkpoints.Head head : checkpoints.headsOfVanishedStreams()) {
                if (period.contains(head.at())) {
                    tally.streams++;
                    tally.add(verifier.verify(List.of(), 0, null, head));
                }
            }
            return null;
        });
        return tally.report(period, checkpoints.verify());
    }

    /** One stream, whole, against the head its latest checkpoint signed. */
    IntegrityReport checkStream(String aggregateId) {
        Tally tally = new Tally();
        store.readOnly(() -> {
            Stream stream = new Stream(aggregateId);
            store.stream(
                    "where aggregate_identifier = ? order by sequence_number",
                    List.of(aggregateId),
                    stream.events::add);
            Checkpoints.Head head = checkpoints.heads(List.of(aggregateId)).get(aggregateId);
            if (stream.events.isEmpty() && head == null) {
                throw new Refusal("stream-not-found", null, "No events are stored for " + aggregateId);
            }
            String type = stream.events.isEmpty()
                    ? head.aggregateType()
                    : stream.events.get(0).aggregateType();
            if (!chain.chains(type)) {
                throw new Refusal(
                        "stream-not-chained",
                        null,
                        "The events of " + type + " streams carry no hash chain; only "
                                + String.join(", ", chain.aggregates()) + " streams do");
            }
            tally.streams++;
            tally.events += stream.events.size();
            tally.add(verifier.verify(stream.events, 0, null, head));
            return null;
        });
        return tally.report(AuditPeriod.ALL, checkpoints.verify());
    }

    private void verify(List<Stream> streams, AuditPeriod period, Tally tally) {
        Map<String, Checkpoints.Head> heads = checkpoints.heads(
                streams.stream().map(stream -> stream.aggregateId).toList());
        for (Stream stream : streams) {
            tally.streams++;
            tally.events += stream.events.size();
            long first = stream.events.get(0).sequence();
            String previous = null;
            if (first > 0 && !period.isAll()) {
                StoredEvent before = store.at(stream.aggregateId, first - 1);
                previous = before == null ? null : linkOf(before);
                if (before == null) {
                    first = first - 1;
                }
            } else if (first > 0) {
                first = 0;
            }
            Checkpoints.Head head = heads.get(stream.aggregateId);
            boolean headInScope = head != null && (period.isAll() || period.contains(head.at()));
            tally.add(verifier.verify(stream.events, first, previous, headInScope ? head : null));
        }
    }

    private static String linkOf(StoredEvent event) {
        try {
            return event.link();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static final class Stream {
        final String aggregateId;
        final List<StoredEvent> events = new ArrayList<>();

        Stream(String aggregateId) {
            this.aggregateId = aggregateId;
        }
    }

    private static final class Tally {
        long events;
        long streams;
        long unchained;
        long broken;
        BrokenLink first;

        void add(ChainVerifier.Outcome outcome) {
            unchained += outcome.unchained();
            if (outcome.broken() != null) {
                broken++;
                if (first == null) {
                    first = outcome.broken();
                }
            }
        }

        IntegrityReport report(AuditPeriod period, Checkpoints.CheckpointCheck check) {
            return new IntegrityReport(
                    period.from().equals(AuditPeriod.ALL.from()) ? null : period.from(),
                    period.to().equals(AuditPeriod.ALL.to()) ? null : period.to(),
                    events,
                    streams,
                    unchained,
                    broken,
                    first,
                    new IntegrityReport.CheckpointsChecked(check.checked(), check.brokenCheckpoint(), check.fault()));
        }
    }
}
