package dev.cinema.query.booking;

import dev.cinema.contracts.booking.BookingCancelledEvent;
import dev.cinema.contracts.booking.BookingConfirmedEvent;
import dev.cinema.contracts.booking.BookingExpiredEvent;
import dev.cinema.contracts.booking.BookingPlacedEvent;
import dev.cinema.contracts.booking.BookingSeatsChangedEvent;
import dev.cinema.contracts.booking.BookingStatus;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.catalogue.cinema.CinemaCreatedEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaUpdatedEvent;
import dev.cinema.contracts.catalogue.film.FilmCreatedEvent;
import dev.cinema.contracts.catalogue.film.FilmUpdatedEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningRescheduledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningScheduledEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Folds bookings into each customer's list, with the catalogue facts they are shown with (film
 * title, cinema name and zone, start) kept in this projection's own tables and joined in when a
 * booking is read: a rename reaches every booking without touching them, and a booking may be
 * folded before or after its screening. Every handler sets state rather than adding to it, so an
 * event delivered twice changes nothing.
 */
@Component
@ProcessingGroup(CustomerBookingProjection.NAME)
class CustomerBookingProjection {

    static final String NAME = "query-customer-bookings";

    private final BookingFilmRows films;
    private final BookingCinemaRows cinemas;
    private final BookingScreeningRows screenings;
    private final CustomerBookingRows bookings;

    CustomerBookingProjection(
            BookingFilmRows films,
            BookingCinemaRows cinemas,
            BookingScreeningRows screenings,
            CustomerBookingRows bookings) {
        this.films = films;
        this.cinemas = cinemas;
        this.screenings = screenings;
        this.bookings = bookings;
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

    @EventHandler
    void on(BookingPlacedEvent event, @Timestamp Instant placedAt) {
        if (bookings.existsById(event.bookingId().value())) {
            // A booking is placed once: this is a second delivery, and the booking may have moved on since.
            return;
        }
        CustomerBookingRow row = new CustomerBookingRow(event.bookingId().value());
        row.customerId = event.customerId().value();
        row.screeningId = event.screeningId().value();
        seats(row, event.seats());
        row.totalAmountMinor = event.total().amountMinor();
        row.totalCurrency = event.total().currency();
        row.status = BookingStatus.AWAITING_PAYMENT;
        row.expiresAt = event.expiresAt();
        row.placedAt = placedAt;
        bookings.save(row);
    }

    @EventHandler
    void on(BookingSeatsChangedEvent event) {
        bookings.findById(event.bookingId().value()).ifPresent(row -> {
            seats(row, event.seats());
            row.totalAmountMinor = event.total().amountMinor();
            row.totalCurrency = event.total().currency();
        });
    }

    /** Paid: the total is what was paid, and the hold's deadline no longer applies. */
    @EventHandler
    void on(BookingConfirmedEvent event) {
        bookings.findById(event.bookingId().value()).ifPresent(row -> {
            row.status = BookingStatus.CONFIRMED;
            row.totalAmountMinor = event.total().amountMinor();
            row.totalCurrency = event.total().currency();
            row.expiresAt = null;
        });
    }

    @EventHandler
    void on(BookingCancelledEvent event) {
        bookings.findById(event.bookingId().value()).ifPresent(row -> row.status = BookingStatus.CANCELLED);
    }

    @EventHandler
    void on(BookingExpiredEvent event) {
        bookings.findById(event.bookingId().value()).ifPresent(row -> row.status = BookingStatus.EXPIRED);
    }

    /** A replay starts from empty tables. */
    @ResetHandler
    void reset() {
        bookings.deleteAllSeats();
        bookings.deleteAllInBatch();
        screenings.deleteAllInBatch();
        cinemas.deleteAllInBatch();
        films.deleteAllInBatch();
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

    private static void seats(CustomerBookingRow row, List<SeatPrice> seats) {
        row.seats.clear();
        seats.forEach(seat -> row.seats.add(BookedSeat.of(seat)));
    }
}
