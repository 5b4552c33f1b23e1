package dev.cinema.standalone.bench;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingCancelledEvent;
import dev.cinema.contracts.booking.BookingConfirmedEvent;
import dev.cinema.contracts.booking.BookingExpiredEvent;
import dev.cinema.contracts.booking.BookingHoldExpiringEvent;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.BookingPlacedEvent;
import dev.cinema.contracts.booking.BookingRefundedEvent;
import dev.cinema.contracts.booking.ReleaseReason;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.booking.SeatsHeldEvent;
import dev.cinema.contracts.booking.SeatsReleasedEvent;
import dev.cinema.contracts.booking.SeatsSoldEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaId;
import dev.cinema.contracts.catalogue.film.FilmId;
import dev.cinema.contracts.catalogue.screen.LayoutCell;
import dev.cinema.contracts.catalogue.screen.ScreenId;
import dev.cinema.contracts.catalogue.screen.SeatLayout;
import dev.cinema.contracts.catalogue.screen.SeatRow;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.catalogue.screening.ScreeningCancelledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.catalogue.screening.ScreeningPricesChangedEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningScheduledEvent;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.payment.PaymentCapturedEvent;
import dev.cinema.contracts.payment.PaymentDeclinedEvent;
import dev.cinema.contracts.payment.PaymentId;
import dev.cinema.contracts.payment.PaymentRefundedEvent;
import dev.cinema.contracts.payment.PaymentRequestedEvent;
import dev.cinema.platform.audit.EventChain;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * The events of a busy cinema chain, written straight into {@code domain_event_entry} as the
 * command side would have stored them (serialized with the application's event serializer, each
 * the next of its aggregate's stream, metadata as the command side writes it). Seeded, so every
 * run writes the same history.
 *
 * <p>About 300 screenings are on sale at a time, and about 2,000 bookings are under way at once,
 * their steps interleaved at random: every booking holds 1 to 4 free seats, then is paid (65%:
 * payment requested and captured, booking confirmed, seats sold; 8% of those refunded later,
 * seats released), declined and left to expire (5%), cancelled (5%) or left to expire (25%). A
 * screening leaves sale when it is nearly full or after 40 to 150 bookings; one in ten changes its
 * prices once, one in a hundred is cancelled. Of a million events, about a third are the seat
 * map's, a quarter the payment history's, the rest bookings' own.
 */
final class ReplayEvents {

    private static final int OPEN_SCREENINGS = 300;
    private static final int BOOKINGS_UNDER_WAY = 2_000;
    private static final int ROWS = 10;
    private static final int SEATS_PER_ROW = 20;
    private static final Map<SeatType, Money> PRICES =
            Map.of(SeatType.STANDARD, Money.of(1200, "EUR"), SeatType.PREMIUM, Money.of(1800, "EUR"));
    private static final Map<SeatType, Money> NEW_PRICES =
            Map.of(SeatType.STANDARD, Money.of(1000, "EUR"), SeatType.PREMIUM, Money.of(1600, "EUR"));
    private static final SeatLayout LAYOUT = layout();

    private final Serializer serializer;
    private final long total;
    private final Random random = new Random(20261101);
    private final Map<String, Long> sequences = new HashMap<>();
    private final HexFormat hex = HexFormat.of();
    private final FilmId film = FilmId.random();
    private final CinemaId cinema = CinemaId.random();
    private final ScreenId screen = ScreenId.random();
    private Instant clock = Instant.now().minus(60, ChronoUnit.DAYS);
    private PreparedStatement insert;
    private Connection connection;
    private long written;
    private int pending;
    private final Map<String, Long> mix = new java.util.TreeMap<>();

    ReplayEvents(Serializer serializer, long total) {
        this.serializer = serializer;
        this.total = total;
    }

    private static final class Screening {
        final ScreeningId id = ScreeningId.random();
        final List<String> free = new ArrayList<>();
        final int lifetime;
        final boolean changesPrices;
        int bookings;

        Screening(Random random) {
            for (int r = 0; r < ROWS; r++) {
                for (int s = 1; s <= SEATS_PER_ROW; s++) {
                    free.add(rowLabel(r) + s);
                }
            }
            Collections.shuffle(free, random);
            lifetime = 40 + random.nextInt(111);
            changesPrices = random.nextInt(10) == 0;
        }
    }

    private enum Outcome {
        PAID,
        PAID_AND_REFUNDED,
        DECLINED,
        CANCELLED,
        EXPIRED
    }

    private static final class Booking {
        final BookingId id = BookingId.random();
        final AccountId customer = AccountId.random();
        final PaymentId payment = PaymentId.random();
        final Screening screening;
        final List<SeatPrice> seats;
        final Outcome outcome;
        int step;

        Booking(Screening screening, List<SeatPrice> seats, Outcome outcome) {
            this.screening = screening;
            this.seats = seats;
            this.outcome = outcome;
        }

        Money total() {
            return SeatPrice.total(seats);
        }

        List<String> labels() {
            return seats.stream().map(SeatPrice::seat).toList();
        }
    }

    /** How many events of each type were written. */
    Map<String, Long> mix() {
        return mix;
    }

    /** Writes the events and moves the global index sequence past them; answers how many were written. */
    long writeTo(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        insert = connection.prepareStatement("insert into domain_event_entry (global_index, event_identifier,"
                + " aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision,"
                + " payload, meta_data) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        List<Screening> open = new ArrayList<>();
        List<Booking> underWay = new ArrayList<>();
        while (written < total) {
            // The chain opens its screenings over the first events, as a chain's history starts.
            if (open.size() < Math.min(OPEN_SCREENINGS, 10 + written / 100)) {
                open.add(schedule());
            } else if (underWay.isEmpty() || (underWay.size() < BOOKINGS_UNDER_WAY && random.nextInt(3) == 0)) {
                Screening screening = open.get(random.nextInt(open.size()));
                Booking booking = place(screening);
                if (booking == null || screening.bookings >= screening.lifetime) {
                    open.remove(screening);
                    if (random.nextInt(100) == 0) {
                        store(
                                "Screening",
                                screening.id.value(),
                                new ScreeningCancelledEvent(screening.id, screen, "Flood"));
                    }
                }
                if (booking != null) {
                    underWay.add(booking);
                }
            } else {
                int index = random.nextInt(underWay.size());
                if (advance(underWay.get(index))) {
                    underWay.set(index, underWay.get(underWay.size() - 1));
                    underWay.remove(underWay.size() - 1);
                }
            }
        }
        flush();
        connection.commit();
        try (Statement statement = connection.createStatement()) {
            statement.execute("select setval('domain_event_entry_seq', " + written + ")");
        }
        connection.commit();
        insert.close();
        return written;
    }

    private Screening schedule() {
        Screening screening = new Screening(random);
        Instant startsAt = clock.plus(7 + random.nextInt(30), ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        store(
                "Screening",
                screening.id.value(),
                new ScreeningScheduledEvent(
                        screening.id,
                        film,
                        screen,
                        cinema,
                        startsAt,
                        startsAt.plus(2, ChronoUnit.HOURS),
                        LAYOUT,
                        PRICES,
                        true));
        return screening;
    }

    /** Holds 1 to 4 free seats of the screening; null when it has not enough left. */
    private Booking place(Screening screening) {
        int count = 1 + random.nextInt(4);
        if (screening.free.size() < count) {
            return null;
        }
        screening.bookings++;
        if (screening.changesPrices && screening.bookings == screening.lifetime / 2) {
            store("Screening", screening.id.value(), new ScreeningPricesChangedEvent(screening.id, NEW_PRICES));
        }
        List<SeatPrice> seats = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String label = screening.free.remove(screening.free.size() - 1);
            SeatType type = label.charAt(0) >= 'I' ? SeatType.PREMIUM : SeatType.STANDARD;
            seats.add(new SeatPrice(label, type, PRICES.get(type)));
        }
        int dice = random.nextInt(100);
        Outcome outcome = dice < 60
                ? Outcome.PAID
                : dice < 65
                        ? Outcome.PAID_AND_REFUNDED
                        : dice < 70 ? Outcome.DECLINED : dice < 75 ? Outcome.CANCELLED : Outcome.EXPIRED;
        Booking booking = new Booking(screening, seats, outcome);
        Instant expiresAt = clock.plus(10, ChronoUnit.MINUTES);
        store(
                "Booking",
                booking.id.value(),
                new BookingPlacedEvent(booking.id, screening.id, booking.customer, seats, booking.total(), expiresAt));
        store(
                "Screening",
                screening.id.value(),
                new SeatsHeldEvent(screening.id, booking.id, booking.customer, seats, expiresAt));
        return booking;
    }

    /** The booking's next step; true when it has taken its last. */
    private boolean advance(Booking booking) {
        String screening = booking.screening.id.value();
        String bookingId = booking.id.value();
        String payment = booking.payment.value();
        int step = booking.step++;
        switch (booking.outcome) {
            case PAID, PAID_AND_REFUNDED -> {
                switch (step) {
                    case 0 -> store("Payment", payment, requested(booking));
                    case 1 ->
                        store(
                                "Payment",
                                payment,
                                new PaymentCapturedEvent(
                                        booking.payment,
                                        booking.id,
                                        booking.customer,
                                        booking.total(),
                                        "psp-" + UUID.randomUUID()));
                    case 2 -> {
                        store(
                                "Booking",
                                bookingId,
                                new BookingConfirmedEvent(
                                        booking.id, booking.screening.id, booking.payment, booking.total()));
                        store(
                                "Screening",
                                screening,
                                new SeatsSoldEvent(booking.screening.id, booking.id, booking.labels()));
                        return booking.outcome == Outcome.PAID;
                    }
                    default -> {
                        store(
                                "Payment",
                                payment,
                                new PaymentRefundedEvent(
                                        booking.payment,
                                        booking.id,
                                        booking.customer,
                                        booking.total(),
                                        "psp-refund-" + UUID.randomUUID(),
                                        PaymentRefundedEvent.CUSTOMER_REFUND));
                        store("Booking", bookingId, new BookingRefundedEvent(booking.id, booking.screening.id));
                        release(booking, ReleaseReason.REFUNDED);
                        return true;
                    }
                }
            }
            case DECLINED -> {
                switch (step) {
                    case 0 -> store("Payment", payment, requested(booking));
                    case 1 ->
                        store(
                                "Payment",
                                payment,
                                new PaymentDeclinedEvent(
                                        booking.payment,
                                        booking.id,
                                        booking.customer,
                                        booking.total(),
                                        "insufficient_funds"));
                    default -> {
                        expire(booking);
                        return true;
                    }
                }
            }
            case CANCELLED -> {
                store("Booking", bookingId, new BookingCancelledEvent(booking.id, booking.screening.id));
                release(booking, ReleaseReason.CANCELLED);
                return true;
            }
            case EXPIRED -> {
                if (step == 0) {
                    store(
                            "Booking",
                            bookingId,
                            new BookingHoldExpiringEvent(
                                    booking.id, booking.screening.id, booking.customer, clock.plusSeconds(120)));
                } else {
                    expire(booking);
                    return true;
                }
            }
        }
        return false;
    }

    private PaymentRequestedEvent requested(Booking booking) {
        return new PaymentRequestedEvent(
                booking.payment, booking.id, booking.screening.id, booking.customer, booking.total(), "card");
    }

    private void expire(Booking booking) {
        store("Booking", booking.id.value(), new BookingExpiredEvent(booking.id, booking.screening.id));
        release(booking, ReleaseReason.EXPIRED);
    }

    private void release(Booking booking, ReleaseReason reason) {
        store(
                "Screening",
                booking.screening.id.value(),
                new SeatsReleasedEvent(booking.screening.id, booking.id, booking.labels(), reason));
        booking.screening.free.addAll(booking.labels());
        Collections.shuffle(booking.screening.free, random);
    }

    private void store(String aggregateType, String aggregateId, Object event) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        mix.merge(event.getClass().getSimpleName(), 1L, Long::sum);
        clock = clock.plusMillis(1_000 + random.nextInt(3_000));
        Map<String, Object> metaData = new HashMap<>();
        String correlation = UUID.randomUUID().toString();
        metaData.put("traceId", correlation);
        metaData.put("correlationId", correlation);
        metaData.put("sentBy", "account-" + random.nextInt(50_000));
        if (!aggregateType.equals("Screening")) {
            byte[] link = new byte[32];
            random.nextBytes(link);
            metaData.put(EventChain.LINK, hex.formatHex(link));
        }
        SerializedObject<byte[]> payload = serializer.serialize(event, byte[].class);
        SerializedObject<byte[]> meta = serializer.serialize(MetaData.from(metaData), byte[].class);
        try {
            insert.setLong(1, ++written);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setString(3, aggregateId);
            insert.setLong(4, sequence);
            insert.setString(5, aggregateType);
            insert.setString(6, DateTimeUtils.formatInstant(clock));
            insert.setString(7, payload.getType().getName());
            insert.setString(8, payload.getType().getRevision());
            insert.setBytes(9, payload.getData());
            insert.setBytes(10, meta.getData());
            insert.addBatch();
            if (++pending == 2_000) {
                flush();
                if (written % 20_000 == 0) {
                    connection.commit();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            insert.executeBatch();
            pending = 0;
        }
    }

    private static SeatLayout layout() {
        List<SeatRow> rows = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            SeatType type = r >= 8 ? SeatType.PREMIUM : SeatType.STANDARD;
            List<LayoutCell> cells = new ArrayList<>();
            for (int s = 1; s <= SEATS_PER_ROW; s++) {
                if (s == SEATS_PER_ROW / 2 + 1) {
                    cells.add(LayoutCell.gap()); // the aisle
                }
                cells.add(LayoutCell.seat(String.valueOf(s), type));
            }
            rows.add(new SeatRow(rowLabel(r), cells));
        }
        return new SeatLayout(rows);
    }

    private static String rowLabel(int row) {
        return String.valueOf((char) ('A' + row));
    }
}
