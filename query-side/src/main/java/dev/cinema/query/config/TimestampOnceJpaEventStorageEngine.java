package dev.cinema.query.config;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterators;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's JPA storage engine, reading tracked events as Axon 4.13.0 does (the same query, the same
 * gap-aware tokens), but faster for a reader that is behind (a replay): the next page is read in
 * the background while the reader handles this one ({@link #readEventData}), with plain JDBC
 * ({@link #fetchEvents}), and each event's stored timestamp is parsed once, and quickly. Axon's own
 * {@code fetchTrackedEvents} parses the timestamp text of every event it reads twice with {@code
 * DateTimeFormatter} (once to decide whether a gap may still be filled, once when the message is
 * made), whether or not any handler wants the event: measured at about a fifth of a replaying
 * processor's time. Here the text is parsed once per event, by hand for the one format Axon writes
 * ({@code 2026-12-01T10:15:30.123Z}, see {@link DateTimeUtils#formatInstant}), by Axon's parser for
 * any other.
 *
 * <p>{@link #fetchTrackedEvents} and the gap cleaning below are Axon 4.13.0's, unchanged but for
 * the timestamps (the gap settings are Axon's defaults, which {@link EventStoreConfiguration} does
 * not change). The event table is {@code domain_event_entry} with the columns of {@code
 * V1__axon_infrastructure.sql}; appending events, snapshots and reading one aggregate's stream are
 * Axon's own.
 */
final class TimestampOnceJpaEventStorageEngine extends JpaEventStorageEngine {

    private static final Logger log = LoggerFactory.getLogger(TimestampOnceJpaEventStorageEngine.class);

    static final int MAX_GAP_OFFSET = 10000;
    static final long LOWEST_GLOBAL_SEQUENCE = 1;
    static final int GAP_TIMEOUT_MILLIS = 60000;
    static final int GAP_CLEANING_THRESHOLD = 250;

    /** Reads the next page of a reader that is behind (one at a time per reader). */
    private static final ExecutorService PREFETCH = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "event-page-prefetch");
        thread.setDaemon(true);
        return thread;
    });

    private final TransactionManager transactionManager;

    TimestampOnceJpaEventStorageEngine(Builder builder, TransactionManager transactionManager) {
        super(builder.maxGapOffset(MAX_GAP_OFFSET)
                .lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .gapTimeout(GAP_TIMEOUT_MILLIS)
                .gapCleaningThreshold(GAP_CLEANING_THRESHOLD)
                .transactionManager(transactionManager));
        this.transactionManager = transactionManager;
    }

    /**
     * A stream of tracked events read a page at a time, as Axon's, but with the next page read in
     * the background while this one is handled, whenever this one was full (the reader is behind:
     * a replay). The reader then waits for the database only when it handles events faster than
     * pages arrive. A reader that keeps up gets short pages and reads each when it asks, as before.
     */
    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        Pages pages = new Pages(trackingToken);
        return StreamSupport.stream(pages, false).onClose(pages::close);
    }

    /** Pages of events after a token, the next one read ahead while the reader is behind. */
    private final class Pages extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {

        private TrackingToken lastToken;
        private Iterator<? extends TrackedEventData<?>> page = Collections.emptyIterator();
        private Future<List<? extends TrackedEventData<?>>> next;

        Pages(TrackingToken from) {
            super(Long.MAX_VALUE, NONNULL | ORDERED | DISTINCT | CONCURRENT);
            this.lastToken = from;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
            if (!page.hasNext()) {
                List<? extends TrackedEventData<?>> events = nextPage();
                if (events.isEmpty()) {
                    return false;
                }
                TrackingToken after = events.get(events.size() - 1).trackingToken();
                TrackingToken from = after;
                next = events.size() >= batchSize()
                        ? PREFETCH.submit(() -> fetchTrackedEvents(from, batchSize()))
                        : null;
                page = events.iterator();
            }
            TrackedEventData<?> event = page.next();
            lastToken = event.trackingToken();
            action.accept(event);
            return true;
        }

        private List<? extends TrackedEventData<?>> nextPage() {
            Future<List<? extends TrackedEventData<?>>> ahead = next;
            next = null;
            if (ahead == null) {
                return fetchTrackedEvents(lastToken, batchSize());
            }
            try {
                return ahead.get();
            } catch (InterruptedException e) {
                ahead.cancel(true);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading events", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException("Could not read events", e.getCause());
            }
        }

        void close() {
            Future<?> ahead = next;
            next = null;
            if (ahead != null) {
                ahead.cancel(false);
            }
        }
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException(String.format(
                    "Token [%s] is of the wrong type. Expected [%s]",
                    lastToken, GapAwareTrackingToken.class.getSimpleName()));
        }
        GapAwareTrackingToken previousToken = cleanedToken((GapAwareTrackingToken) lastToken);
        List<Object[]> entries = transactionManager.fetchInTransaction(() -> fetchEvents(previousToken));
        Instant gapTimeoutThreshold = gapTimeoutThreshold();
        List<TrackedEventData<?>> result = new ArrayList<>(entries.size());
        GapAwareTrackingToken token = previousToken;
        for (Object[] entry : entries) {
            long globalSequence = (Long) entry[0];
            String aggregateIdentifier = (String) entry[2];
            String eventIdentifier = (String) entry[4];
            Instant timestamp = parse(entry[5].toString());
            ParsedEntry<?> domainEvent = new ParsedEntry<>(
                    (String) entry[1],
                    eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                    (long) entry[3],
                    eventIdentifier,
                    entry[5],
                    (String) entry[6],
                    (String) entry[7],
                    entry[8],
                    entry[9],
                    timestamp);
            boolean allowGaps = timestamp.isAfter(gapTimeoutThreshold);
            if (token == null) {
                token = GapAwareTrackingToken.newInstance(
                        globalSequence,
                        allowGaps
                                ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence)
                                        .boxed()
                                        .collect(Collectors.toCollection(TreeSet::new))
                                : Collections.emptySortedSet());
            } else {
                token = token.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
            }
            result.add(new TrackedDomainEventData<>(token, domainEvent));
        }
        return result;
    }

    /**
     * The next page of the event table after {@code token} (and the gaps it still waits for): the
     * query Axon makes with JPQL, made with plain JDBC on the same connection, which spares turning
     * every row through Hibernate's result processing (about a fifth of a replaying processor's time).
     * Rows as Axon's: global index, type, aggregate id, sequence number, event id, timestamp,
     * payload type, payload revision, payload, metadata.
     */
    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
        List<Long> gaps = token == null ? List.of() : List.copyOf(token.getGaps());
        StringBuilder sql = new StringBuilder(
                "select global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp,"
                        + " payload_type, payload_revision, payload, meta_data from domain_event_entry"
                        + " where global_index > ?");
        if (!gaps.isEmpty()) {
            sql.append(" or global_index in (")
                    .append(String.join(", ", Collections.nCopies(gaps.size(), "?")))
                    .append(')');
        }
        sql.append(" order by global_index asc limit ?");
        return entityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                int index = 1;
                statement.setLong(index++, token == null ? -1L : token.getIndex());
                for (Long gap : gaps) {
                    statement.setLong(index++, gap);
                }
                statement.setInt(index, batchSize());
                statement.setFetchSize(batchSize());
                try (ResultSet rows = statement.executeQuery()) {
                    List<Object[]> entries = new ArrayList<>(batchSize());
                    while (rows.next()) {
                        entries.add(new Object[] {
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getLong(4),
                            rows.getString(5),
                            rows.getString(6),
                            rows.getString(7),
                            rows.getString(8),
                            rows.getBytes(9),
                            rows.getBytes(10)
                        });
                    }
                    return entries;
                }
            }
        });
    }

    private GapAwareTrackingToken cleanedToken(GapAwareTrackingToken lastToken) {
        if (lastToken != null && lastToken.getGaps().size() > GAP_CLEANING_THRESHOLD) {
            return withGapsCleaned(
                    lastToken,
                    transactionManager.fetchInTransaction(() -> entityManager()
                            .createQuery(
                                    "SELECT e.globalIndex, e.timeStamp FROM " + domainEventEntryEntityName() + " e "
                                            + "WHERE e.globalIndex >= :firstGapOffset "
                                            + "AND e.globalIndex <= :maxGlobalIndex",
                                    Object[].class)
                            .setParameter("firstGapOffset", lastToken.getGaps().first())
                            .setParameter("maxGlobalIndex", lastToken.getGaps().last() + 1L)
                            .getResultList()));
        }
        return lastToken;
    }

    private GapAwareTrackingToken withGapsCleaned(GapAwareTrackingToken token, List<Object[]> indexToTimestamp) {
        Instant gapTimeoutThreshold = gapTimeoutThreshold();
        GapAwareTrackingToken cleanedToken = token;
        for (Object[] result : indexToTimestamp) {
            try {
                Instant timestamp = parse(result[1].toString());
                long sequenceNumber = (long) result[0];
                if (cleanedToken.getGaps().contains(sequenceNumber) || timestamp.isAfter(gapTimeoutThreshold)) {
                    // filled a gap or found an entry that is too recent. Should not continue cleaning up
                    return cleanedToken;
                }
                if (cleanedToken.getGaps().contains(sequenceNumber - 1)) {
                    cleanedToken = cleanedToken.withGapsTruncatedAt(sequenceNumber);
                }
            } catch (DateTimeParseException e) {
                log.info("Unable to parse timestamp ('{}') to clean old gaps. Trying to proceed.", e.getParsedString());
            }
        }
        return cleanedToken;
    }

    private static Instant gapTimeoutThreshold() {
        return GenericEventMessage.clock.instant().minus(GAP_TIMEOUT_MILLIS, ChronoUnit.MILLIS);
    }

    /**
     * The instant a stored timestamp names: {@code yyyy-MM-ddTHH:mm:ss.SSSZ} read by hand, anything
     * else by Axon's parser.
     */
    static Instant parse(String text) {
        if (text.length() == 24
                && text.charAt(4) == '-'
                && text.charAt(7) == '-'
                && text.charAt(10) == 'T'
                && text.charAt(13) == ':'
                && text.charAt(16) == ':'
                && text.charAt(19) == '.'
                && text.charAt(23) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            int millis = digits(text, 20, 3);
            if (year >= 0
                    && month >= 0
                    && day >= 0
                    && hour >= 0
                    && hour < 24
                    && minute >= 0
                    && minute < 60
                    && second >= 0
                    && second < 60
                    && millis >= 0) {
                try {
                    long days = LocalDate.of(year, month, day).toEpochDay();
                    return Instant.ofEpochSecond(
                            days * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
                } catch (DateTimeException notADate) {
                    // let Axon's parser say what is wrong with it
                }
            }
        }
        return DateTimeUtils.parseInstant(text);
    }

    /** The number written by {@code length} ASCII digits at {@code from}; -1 if any is not a digit. */
    private static int digits(String text, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** An event entry whose timestamp has been parsed already. */
    private static final class ParsedEntry<T> extends GenericDomainEventEntry<T> implements DomainEventData<T> {

        private final Instant timestamp;

        ParsedEntry(
                String type,
                String aggregateIdentifier,
                long sequenceNumber,
                String eventIdentifier,
                Object storedTimestamp,
                String payloadType,
                String payloadRevision,
                T payload,
                T metaData,
                Instant timestamp) {
            super(
                    type,
                    aggregateIdentifier,
                    sequenceNumber,
                    eventIdentifier,
                    storedTimestamp,
                    payloadType,
                    payloadRevision,
                    payload,
                    metaData);
            this.timestamp = timestamp;
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }
}
