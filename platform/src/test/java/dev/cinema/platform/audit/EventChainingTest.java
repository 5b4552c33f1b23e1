package dev.cinema.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cinema.platform.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

class EventChainingTest {

    record Paid(String paymentId, long amountMinor) {}

    record Held(String screeningId, String seat) {}

    private final AuditChainKey key =
            AuditChainKey.from(new AuditChainProperties(TestTokens.AUDIT_CHAIN_KEY, false, List.of()));
    private final EventChain chain = new EventChain(key, List.of("Payment"));
    private final Serializer serializer = JacksonSerializer.defaultSerializer();
    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();

    @Test
    void everyEventOfAChainedStreamIsLinkedToTheOneBeforeItWhereverThatLinkIsFound() {
        EmbeddedEventStore store = chainedStore();
        // One unit of work: the links follow each other in memory.
        publish(
                store,
                event("Payment", "p-1", 0, new Paid("p-1", 1200)),
                event("Payment", "p-1", 1, new Paid("p-1", 1200)));
        // Another: the previous link is the one remembered when the first committed.
        publish(store, event("Payment", "p-1", 2, new Paid("p-1", -600)));
        // A fresh process: nothing remembered, the previous link is read from the stored stream.
        publish(chainedStore(), event("Payment", "p-1", 3, new Paid("p-1", -600)));

        List<? extends DomainEventMessage<?>> stored =
                store.readEvents("p-1", 0).asStream().toList();
        assertThat(stored).hasSize(4);
        String previous = null;
        for (DomainEventMessage<?> event : stored) {
            String link = (String) event.getMetaData().get(EventChain.LINK);
            assertThat(link).as("link of event %d", event.getSequenceNumber()).matches("[0-9a-f]{64}");
            assertThat(chain.link(previous, asStored(event)))
                    .as("the link of event %d covers it and the link before it", event.getSequenceNumber())
                    .isEqualTo(link);
            previous = link;
        }
    }

    @Test
    void streamsOfOtherAggregatesAreNotChained() {
        publish(chainedStore(), event("Screening", "s-1", 0, new Held("s-1", "A1")));
        assertThat(chainedStore().readEvents("s-1", 0).next().getMetaData()).doesNotContainKey(EventChain.LINK);
    }

    @Test
    void anyChangeToWhatIsStoredChangesTheLink() {
        ChainedEvent event = new ChainedEvent(
                "e-1", "Payment", "p-1", 2, "Paid", null, 1_000L, bytes("{\"amountMinor\":1200}"), bytes("{}"));
        String link = chain.link("prev", event);
        assertThat(link).isEqualTo(chain.link("prev", event));
        List<ChainedEvent> changed = List.of(
                new ChainedEvent("e-2", "Payment", "p-1", 2, "Paid", null, 1_000L, event.payload(), event.metadata()),
                new ChainedEvent("e-1", "Refund", "p-1", 2, "Paid", null, 1_000L, event.payload(), event.metadata()),
                new ChainedEvent("e-1", "Payment", "p-2", 2, "Paid", null, 1_000L, event.payload(), event.metadata()),
                new ChainedEvent("e-1", "Payment", "p-1", 3, "Paid", null, 1_000L, event.payload(), event.metadata()),
                new ChainedEvent("e-1", "Payment", "p-1", 2, "Owed", null, 1_000L, event.payload(), event.metadata()),
                new ChainedEvent("e-1", "Payment", "p-1", 2, "Paid", "2", 1_000L, event.payload(), event.metadata()),
                new ChainedEvent("e-1", "Payment", "p-1", 2, "Paid", null, 1_001L, event.payload(), event.metadata()),
                new ChainedEvent(
                        "e-1",
                        "Payment",
                        "p-1",
                        2,
                        "Paid",
                        null,
                        1_000L,
                        bytes("{\"amountMinor\":1}"),
                        event.metadata()),
                new ChainedEvent(
                        "e-1",
                        "Payment",
                        "p-1",
                        2,
                        "Paid",
                        null,
                        1_000L,
                        event.payload(),
                        bytes("{\"sentBy\":\"x\"}")));
        for (ChainedEvent other : changed) {
            assertThat(chain.link("prev", other)).as(other.toString()).isNotEqualTo(link);
        }
        assertThat(chain.link("other", event)).isNotEqualTo(link);
        assertThat(chain.link(null, event)).isNotEqualTo(link);
        EventChain anotherKey = new EventChain(
                AuditChainKey.from(new AuditChainProperties(AuditChainKey.generateBase64(), false, List.of())),
                List.of("Payment"));
        assertThat(anotherKey.link("prev", event)).as("another key").isNotEqualTo(link);
    }

    @Test
    void theMetadataIsCoveredWithoutItsLinkWhateverTheOrderOfItsEntries() {
        byte[] one =
                bytes("{\"sentBy\":\"ada\",\"traceId\":\"t\",\"auditLink\":\"abc\",\"nested\":{\"b\":1,\"a\":[2,1]}}");
        byte[] other = bytes("{\"nested\":{\"a\":[2,1],\"b\":1},\"traceId\":\"t\",\"sentBy\":\"ada\"}");
        assertThat(new String(EventChain.canonicalMetadata(one), StandardCharsets.UTF_8))
                .isEqualTo("{\"nested\":{\"a\":[2,1],\"b\":1},\"sentBy\":\"ada\",\"traceId\":\"t\"}");
        assertThat(EventChain.canonicalMetadata(one)).isEqualTo(EventChain.canonicalMetadata(other));
        assertThat(EventChain.storedLink(one)).isEqualTo("abc");
        assertThat(EventChain.storedLink(other)).isNull();
        assertThat(EventChain.canonicalMetadata(null)).isEqualTo(bytes("{}"));
    }

    @Test
    void withoutAConfiguredKeyOutsideDevelopmentTheStartIsRefused() {
        assertThatThrownBy(() -> AuditChainKey.from(new AuditChainProperties(null, false, List.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CINEMA_AUDIT_CHAIN_KEY");
        assertThatThrownBy(() -> AuditChainKey.from(new AuditChainProperties("c2hvcnQ=", false, List.of())))
                .as("a key shorter than 32 bytes")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AuditChainKey.from(new AuditChainProperties("not base64!", true, List.of())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void inDevelopmentEachStartGetsItsOwnKey() {
        AuditChainProperties generated = new AuditChainProperties(null, true, List.of("Payment"));
        ChainedEvent event = new ChainedEvent("e", "Payment", "p", 0, "Paid", null, 0L, bytes("{}"), bytes("{}"));
        assertThat(new EventChain(AuditChainKey.from(generated), List.of("Payment")).link(null, event))
                .isNotEqualTo(new EventChain(AuditChainKey.from(generated), List.of("Payment")).link(null, event));
    }

    @Test
    void checkpointsAreSignedWithAKeyOfTheirOwn() {
        CheckpointSigner signer = new CheckpointSigner(key);
        String signature = signer.sign("checkpoint 1");
        assertThat(signer.verifies("checkpoint 1", signature)).isTrue();
        assertThat(signer.verifies("checkpoint 2", signature)).isFalse();
        assertThat(signer.verifies("checkpoint 1", null)).isFalse();
        assertThat(signature).isNotEqualTo(AuditChainKey.hmac(key.linkKey(), bytes("checkpoint 1")));
    }

    private EmbeddedEventStore chainedStore() {
        EmbeddedEventStore store =
                EmbeddedEventStore.builder().storageEngine(storage).build();
        store.registerDispatchInterceptor(new EventChaining(chain, serializer, store));
        return store;
    }

    private static DomainEventMessage<?> event(String type, String aggregate, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(type, aggregate, sequence, payload, Map.of("sentBy", "tester"));
    }

    private static void publish(EmbeddedEventStore store, DomainEventMessage<?>... events) {
        DefaultUnitOfWork.startAndGet(null).execute(() -> {
            for (DomainEventMessage<?> event : events) {
                store.publish(event);
            }
        });
    }

    /** The event as a store keeps it: payload and metadata serialized, the instant to the millisecond. */
    private ChainedEvent asStored(DomainEventMessage<?> event) {
        SerializedObject<byte[]> payload = serializer.serialize(event.getPayload(), byte[].class);
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

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
