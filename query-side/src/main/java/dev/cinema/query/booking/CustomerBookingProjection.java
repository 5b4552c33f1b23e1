package dev.cinema.query.booking;

import dev.cinema.contracts.booking.BookingCancelledEvent;
import dev.cinema.contracts.booking.BookingConfirmedEvent;
import dev.cinema.contracts.booking.BookingExpiredEvent;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.BookingPlacedEvent;
import dev.cinema.contracts.booking.BookingRefundedEvent;
import dev.cinema.contracts.booking.BookingSeatsChangedEvent;
import dev.cinema.contracts.booking.BookingSeatsReturnedEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaCreatedEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaUpdatedEvent;
import dev.cinema.contracts.catalogue.film.FilmCreatedEvent;
import dev.cinema.contracts.catalogue.film.FilmUpdatedEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningCancelledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningRescheduledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningScheduledEvent;
import dev.cinema.contracts.payment.PaymentRefundedEvent;
import dev.cinema.query.rebuild.Rebuildable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.UnaryOperator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Folds bookings into each customer's list, with the catalogue facts they are shown with (film
 * title, cinema name and zone, start, whether the screening was cancelled) kept in this
 * projection's own tables and joined in when a booking is read: a rename reaches every booking
 * without touching them, and a booking may be folded before or after its screening.
 *
 * <p>A booking shows what its customer holds and what they got back: the seats it still has, the
 * seats returned at the prices they were bought at, and every refund of its payments (returns,
 * a cancelled screening, a payment captured too late). Delivery is at least once, so nothing is
 * added up: a booking's own events carry their sequence number in its stream and one already
 * folded is skipped, refunds are rows keyed by their event's identifier and summed when read, and
 * the catalogue handlers set state.
 */
@Component
@Rebuildable(
        name = "customer-bookings",
        tables = {
            "customer_booking_refund",
            "customer_booking_returned_seat",
            "customer_booking_seat",
            "customer_booking",
            "booking_screening",
            "booking_cinema",
            "booking_film"
        })
@ProcessingGroup(CustomerBookingProjection.NAME)
class CustomerBookingProjection {

    static final String NAME = "query-customer-bookings";

    private static final Logger log = LoggerFactory.getLogger(CustomerBookingProjection.class);

    private final BookingFilmRows films;
    private final BookingCinemaRows cinemas;
    private final BookingScreeningRows screenings;
    private final CustomerBookingRows bookings;
    private final BookingRefundRows refunds;

    CustomerBookingProjection(
            BookingFilmRows films,
            BookingCinemaRows cinemas,
            BookingScreeningRows screenings,
            CustomerBookingRows bookings,
            BookingRefundRows refunds) {
        this.films = films;
        this.cinemas = cinemas;
        this.screenings = screenings;
        this.bookings = bookings;
        this.refunds = refunds;
    }

    @EventHandler
    void on(FilmCreatedEvent event) {
        film(event.filmId().value(), event.title());
    }

    @EventHandler
    void on(FilmUpdatedEvent event) {
        film(event.filmId().value(), event.title());
    }

    @EventHandler
    void on(CinemaCreatedEvent event) {
        cinema(event.cinemaId().value(), event.name(), event.timeZone());
    }

    @EventHandler
    void on(CinemaUpdatedEvent event) {
        cinema(event.cinemaId().value(), event.name(), event.timeZone());
    }

    @EventHandler
    void on(ScreeningScheduledEvent event) {
        BookingScreeningRow row = screenings
                .findById(event.screeningId().value())
                .orElseGet(() -> new BookingScreeningRow(event.screeningId().value()));
        row.filmId = event.filmId().value();
        row.cinemaId = event.cinemaId().value();
        row.startsAt = event.startsAt();
        screenings.save(row);
    }

    @EventHandler
    void on(ScreeningRescheduledEvent event) {
        screenings.findById(event.screeningId().value()).ifPresent(row -> row.startsAt = event.startsAt());
    }

    /**
     * Only the fact: what it does to each booking (held ones cancelled, paid ones refunded) comes
     * as that booking's own events, once the command side has settled it.
     */
    @EventHandler
    void on(ScreeningCancelledEvent event) {
        screenings.findById(event.screeningId().value()).ifPresent(row -> row.cancelled = true);
    }

    @EventHandler
    void on(BookingPlacedEvent event, @SequenceNumber long sequence, @Timestamp Instant placedAt) {
        if (bookings.existsById(event.bookingId().value())) {
            // A booking is placed once: this is a second delivery, and the booking may have moved on since.
            return;
        }
        CustomerBookingRow row = new CustomerBookingRow(event.bookingId().value());
        row.show(BookingState.placed(event, placedAt));
        row.version = sequence;
        bookings.save(row);
    }

    @EventHandler
    void on(BookingSeatsChangedEvent event, @SequenceNumber long sequence) {
        fold(event.bookingId(), sequence, booking -> booking.on(event));
    }

    @EventHandler
    void on(BookingConfirmedEvent event, @SequenceNumber long sequence, ReplayStatus replay) {
        on(event, sequence);
        if (!replay.isReplay()) {
            // The sale is now what its customer sees; one line per live sale (never in a replay),
            // by ids, with the correlation id of the payment request that made it.
            log.info(
                    "Booking confirmed in customer bookings: booking {}",
                    event.bookingId().value());
        }
    }

    void on(BookingConfirmedEvent event, long sequence) {
        fold(event.bookingId(), sequence, booking -> booking.on(event));
    }

    @EventHandler
    void on(BookingSeatsReturnedEvent event, @SequenceNumber long sequence) {
        fold(event.bookingId(), sequence, booking -> booking.on(event));
    }

    @EventHandler
    void on(BookingRefundedEvent event, @SequenceNumber long sequence) {
        fold(event.bookingId(), sequence, booking -> booking.on(event));
    }

    @EventHandler
    void on(BookingCancelledEvent event, @SequenceNumber long sequence) {
        fold(event.bookingId(), sequence, booking -> booking.on(event));
    }

    @EventHandler
    void on(BookingExpiredEvent event, @SequenceNumber long sequence) {
        fold(event.bookingId(), sequence, booking -> booking.on(event));
    }

    /**
     * Money given back for the booking, whatever the reason: seats returned, the screening
     * cancelled, or a payment captured after the hold ran out (refunded at once, while the booking
     * itself stays EXPIRED or CANCELLED). One row per event, so a second delivery rewrites it.
     */
    @EventHandler
    void on(PaymentRefundedEvent event, @MessageIdentifier String eventId) {
        BookingRefundRow row = refunds.findById(eventId).orElseGet(() -> new BookingRefundRow(eventId));
        row.bookingId = event.bookingId().value();
        row.amountMinor = event.amount().amountMinor();
        row.currency = event.amount().currency();
        refunds.save(row);
    }

    /** A replay starts from empty tables. */
    @ResetHandler
    void reset() {
        bookings.deleteAllSeats();
        bookings.deleteAllReturnedSeats();
        bookings.deleteAllInBatch();
        refunds.deleteAllInBatch();
        screenings.deleteAllInBatch();
        cinemas.deleteAllInBatch();
        films.deleteAllInBatch();
    }

    /**
     * Folds a booking's event into its row with {@link BookingState} (what the event means is said
     * there once, for this read model and for auditors alike), unless an event at or after it in
     * the booking's stream was folded already.
     */
    private void fold(BookingId bookingId, long sequence, UnaryOperator<BookingState> change) {
        bookings.findById(bookingId.value())
                .filter(row -> sequence > row.version)
                .ifPresent(row -> {
                    row.show(change.apply(row.state()));
                    row.version = sequence;
                });
    }

    private void film(String id, String title) {
        BookingFilmRow row = films.findById(id).orElseGet(() -> new BookingFilmRow(id));
        row.title = title;
        films.save(row);
    }

    private void cinema(String id, String name, ZoneId zone) {
        BookingCinemaRow row = cinemas.findById(id).orElseGet(() -> new BookingCinemaRow(id));
        row.name = name;
        row.timeZone = zone.getId();
        cinemas.save(row);
    }
}
