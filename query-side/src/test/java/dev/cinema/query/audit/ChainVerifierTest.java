package dev.cinema.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.platform.audit.AuditChainKey;
import dev.cinema.platform.audit.AuditChainProperties;
import dev.cinema.platform.audit.EventChain;
import dev.cinema.platform.testsupport.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private final EventChain chain = new EventChain(
            AuditChainKey.from(new AuditChainProperties(TestTokens.AUDIT_CHAIN_KEY, false, List.of())),
            List.of("Payment"));
    private final ChainVerifier verifier = new ChainVerifier(chain);

    @Test
    void aWholeStreamHolds() {
        ChainVerifier.Outcome outcome = verifier.verify(stream(5), 0, null, null);
        assertThat(outcome.broken()).isNull();
        assertThat(outcome.unchained()).isZero();
    }

    @Test
    void twoEventsSwappedAreReportedReorderedWhereTheFirstOfThemNowIs() {
        List<StoredEvent> stream = stream(5);
        List<StoredEvent> swapped = new ArrayList<>(stream);
        swapped.set(2, at(stream.get(3), 2));
        swapped.set(3, at(stream.get(2), 3));
        BrokenLink broken = verifier.verify(swapped, 0, null, null).broken();
        assertThat(broken.kind()).isEqualTo(BrokenLink.Kind.REORDERED);
        assertThat(broken.sequence()).isEqualTo(2);
        assertThat(broken.detail()).contains("linked at sequence 3");
    }

    @Test
    void aGapIsMissingAndAnEditIsAltered() {
        List<StoredEvent> stream = new ArrayList<>(stream(5));
        stream.remove(1);
        BrokenLink missing = verifier.verify(stream, 0, null, null).broken();
        assertThat(missing.kind()).isEqualTo(BrokenLink.Kind.MISSING);
        assertThat(missing.sequence()).isEqualTo(1);

        List<StoredEvent> edited = new ArrayList<>(stream(3));
        StoredEvent event = edited.get(1);
        edited.set(
                1,
                new StoredEvent(
                        event.globalIndex(),
                        event.eventId(),
                        event.aggregateType(),
                        event.aggregateId(),
                        event.sequence(),
                        event.payloadType(),
                        event.payloadRevision(),
                        "2026-03-01T10:00:09.000Z",
                        event.payload(),
                        event.metadata()));
        BrokenLink altered = verifier.verify(edited, 0, null, null).broken();
        assertThat(altered.kind()).isEqualTo(BrokenLink.Kind.ALTERED);
        assertThat(altered.sequence()).isEqualTo(1);
        assertThat(altered.globalIndex()).isEqualTo(event.globalIndex());
    }

    @Test
    void aStreamShorterThanItsCheckpointedHeadWasCutOffAndAnotherHeadLinkWasRecomputed() {
        List<StoredEvent> stream = stream(5);
        String headLink = stream.get(4).link();
        Checkpoints.Head head = new Checkpoints.Head(3, "p-1", "Payment", 4, headLink, Instant.now(), "s");
        assertThat(verifier.verify(stream, 0, null, head).broken()).isNull();

        BrokenLink cut = verifier.verify(stream.subList(0, 3), 0, null, head).broken();
        assertThat(cut.kind()).isEqualTo(BrokenLink.Kind.TRUNCATED);
        assertThat(cut.sequence()).isEqualTo(3);
        assertThat(cut.detail()).contains("checkpoint 3");

        BrokenLink vanished = verifier.verify(List.of(), 0, null, head).broken();
        assertThat(vanished.kind()).isEqualTo(BrokenLink.Kind.TRUNCATED);
        assertThat(vanished.sequence()).isZero();

        Checkpoints.Head other = new Checkpoints.Head(3, "p-1", "Payment", 2, "f".repeat(64), Instant.now(), "s");
        BrokenLink recomputed = verifier.verify(stream, 0, null, other).broken();
        assertThat(recomputed.kind()).isEqualTo(BrokenLink.Kind.ALTERED);
        assertThat(recomputed.sequence()).isEqualTo(2);
    }

    @Test
    void eventsStoredBeforeTheChainExistedAreCountedAndALinkRemovedLaterIsAltered() {
        List<StoredEvent> stream = new ArrayList<>();
        stream.add(event(0, null));
        stream.add(event(1, null));
        String link = chain.link(null, event(2, null).chained(2));
        stream.add(event(2, link));
        ChainVerifier.Outcome outcome = verifier.verify(stream, 0, null, null);
        assertThat(outcome.broken()).isNull();
        assertThat(outcome.unchained()).isEqualTo(2);

        List<StoredEvent> stripped = new ArrayList<>(stream(3));
        stripped.set(2, event(2, null));
        assertThat(verifier.verify(stripped, 0, null, null).broken().detail()).contains("removed");
    }

    /** A chained stream of {@code size} events, linked with the key. */
    private List<StoredEvent> stream(int size) {
        List<StoredEvent> stream = new ArrayList<>();
        String previous = null;
        for (int sequence = 0; sequence < size; sequence++) {
            String link = chain.link(previous, event(sequence, null).chained(sequence));
            stream.add(event(sequence, link));
            previous = link;
        }
        return stream;
    }

    private static StoredEvent event(long sequence, String link) {
        String metadata = "{\"sentBy\":\"ada\"" + (link == null ? "" : ",\"auditLink\":\"" + link + "\"") + "}";
        return new StoredEvent(
                100 + sequence,
                "event-" + sequence,
                "Payment",
                "p-1",
                sequence,
                "dev.cinema.contracts.payment.PaymentRefundedEvent",
                null,
                DateTimeUtils.formatInstant(
                        Instant.parse("2026-03-01T10:00:00Z").plusSeconds(sequence)),
                ("{\"amount\":{\"amountMinor\":" + (100 + sequence) + ",\"currency\":\"EUR\"}}")
                        .getBytes(StandardCharsets.UTF_8),
                metadata.getBytes(StandardCharsets.UTF_8));
    }

    /** The same event stored at another sequence number. */
    private static StoredEvent at(StoredEvent event, long sequence) {
        return new StoredEvent(
                event.globalIndex(),
                event.eventId(),
                event.aggregateType(),
                event.aggregateId(),
                sequence,
                event.payloadType(),
                event.payloadRevision(),
                event.timestamp(),
                event.payload(),
                event.metadata());
    }
}
