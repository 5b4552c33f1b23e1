package dev.cinema.platform.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Links every event of a chained stream to the one before it as it is published, so the link goes
 * wherever the events go (the shared event table, or Axon Server): an event-bus dispatch
 * interceptor. Axon intercepts a unit of work's events together, in order, just before they are
 * stored in that unit of work's transaction, so a link is written in the same transaction as its
 * event.
 *
 * <p>The previous link of a stream is found, cheapest first: the first event of a stream has none;
 * an earlier event of the same unit of work; the links of recently committed events, kept in
 * memory (keyed by stream and sequence number, so a stale entry is never used: another process
 * that appended to the stream meanwhile made this unit of work's append fail anyway); else the
 * stream's last stored event, read by sequence number (never through a snapshot). Streams that
 * are not chained (screenings: the hot path) cost a type check.
 *
 * <p>Must be the last dispatch interceptor of the event bus: one registered after it that changed
 * an event would break its link.
 */
public final class EventChaining implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String HEADS = EventChaining.class.getName() + ".heads";
    private static final int REMEMBERED_STREAMS = 10_000;

    private final EventChain chain;
    private final Serializer serializer;
    private final EventStore store;
    private final Map<String, Head> committed = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Head> eldest) {
            return size() > REMEMBERED_STREAMS;
        }
    };

    /** The link of a stream's event at {@code sequence}. */
    record Head(long sequence, String link) {}

    public EventChaining(EventChain chain, Serializer eventSerializer, EventStore store) {
        this.chain = chain;
        this.serializer = eventSerializer;
        this.store = store;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        List<EventMessage<?>> linked = new ArrayList<>(messages);
        Map<String, Head> heads = null;
        for (int i = 0; i < linked.size(); i++) {
            if (linked.get(i) instanceof DomainEventMessage<?> event
                    && chain.chains(event.getType())
                    && !event.getMetaData().containsKey(EventChain.LINK)) {
                if (heads == null) {
                    heads = headsOfThisUnitOfWork();
                }
                String link = chain.link(previous(event, heads), fields(event));
                heads.put(event.getAggregateIdentifier(), new Head(event.getSequenceNumber(), link));
                linked.set(i, event.andMetaData(Map.of(EventChain.LINK, link)));
            }
        }
        return (index, message) -> linked.get(index);
    }

    private ChainedEvent fields(DomainEventMessage<?> event) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        byte[] metadata =
                serializer.serialize(event.getMetaData(), byte[].class).getData();
        return new ChainedEvent(
                event.getIdentifier(),
                event.getType(),
                event.getAggregateIdentifier(),
                event.getSequenceNumber(),
                payload.getType().getName(),
                payload.getType().getRevision(),
                event.getTimestamp().toEpochMilli(),
                payload.getData(),
                EventChain.canonicalMetadata(metadata));
    }

    private String previous(DomainEventMessage<?> event, Map<String, Head> heads) {
        long sequence = event.getSequenceNumber();
        if (sequence == 0) {
            return null;
        }
        String aggregate = event.getAggregateIdentifier();
        Head head = heads.get(aggregate);
        if (head == null) {
            synchronized (committed) {
                head = committed.get(aggregate);
            }
        }
        if (head != null && head.sequence() == sequence - 1) {
            return head.link();
        }
        DomainEventStream stored = store.readEvents(aggregate, sequence - 1);
        while (stored.hasNext()) {
            DomainEventMessage<?> before = stored.next();
            if (before.getSequenceNumber() == sequence - 1
                    && before.getMetaData().containsKey(EventChain.LINK)) {
                return String.valueOf(before.getMetaData().get(EventChain.LINK));
            }
        }
        // The stream began before it was chained: its chain starts here.
        return null;
    }

    /**
     * The links written in this unit of work, by stream; remembered once it commits. Outside a
     * unit of work (events published on their own) only for this call.
     */
    private Map<String, Head> headsOfThisUnitOfWork() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new HashMap<>();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(HEADS, key -> {
            Map<String, Head> heads = new HashMap<>();
            root.afterCommit(unitOfWork -> {
                synchronized (committed) {
                    committed.putAll(heads);
                }
            });
            return heads;
        });
    }
}
