package dev.cinema.query.booking;

import dev.cinema.contracts.booking.BookingPage;
import dev.cinema.contracts.booking.BookingView;
import dev.cinema.contracts.booking.FindCustomerBookingQuery;
import dev.cinema.contracts.booking.FindCustomerBookingsQuery;
import dev.cinema.contracts.common.Money;
import dev.cinema.contracts.listing.PageInfo;
import dev.cinema.contracts.listing.Paging;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers a customer's questions about their own bookings, and only theirs. A booking is read with
 * several statements (the bookings, their refunds, screenings, films, cinemas) while the projection
 * keeps committing: one snapshot for all of them, or a view could pair a refund with the state
 * from before the batch that recorded it.
 */
@Component
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
class CustomerBookingQueries {

    private static final DateTimeFormatter LOCAL_START = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final CustomerBookingRows bookings;
    private final BookingScreeningRows screenings;
    private final BookingFilmRows films;
    private final BookingCinemaRows cinemas;
    private final BookingRefundRows refunds;

    CustomerBookingQueries(
            CustomerBookingRows bookings,
            BookingScreeningRows screenings,
            BookingFilmRows films,
            BookingCinemaRows cinemas,
            BookingRefundRows refunds) {
        this.bookings = bookings;
        this.screenings = screenings;
        this.films = films;
        this.cinemas = cinemas;
        this.refunds = refunds;
    }

    /** Newest first, unless the paging asks for oldest first; the booking id breaks ties. */
    @QueryHandler
    BookingPage handle(FindCustomerBookingsQuery query) {
        Paging paging = query.paging();
        Sort.Direction direction =
                paging.direction() == Paging.Direction.ASC ? Sort.Direction.ASC : Sort.Direction.DESC;
        Page<CustomerBookingRow> page = bookings.findByCustomerId(
                query.customerId(), PageRequest.of(paging.page(), paging.size(), Sort.by(direction, "placedAt", "id")));
        return new BookingPage(
                views(page.getContent()),
                new PageInfo(page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages()));
    }

    @QueryHandler
    Optional<BookingView> handle(FindCustomerBookingQuery query) {
        return bookings.findByIdAndCustomerId(query.bookingId(), query.customerId())
                .map(row -> views(List.of(row)).get(0));
    }

    private List<BookingView> views(List<CustomerBookingRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, BookingScreeningRow> screeningsById = byId(
                screenings.findAllById(rows.stream().map(row -> row.screeningId).collect(Collectors.toSet())),
                screening -> screening.id);
        Map<String, BookingFilmRow> filmsById = byId(
                films.findAllById(screeningsById.values().stream()
                        .map(screening -> screening.filmId)
                        .collect(Collectors.toSet())),
                film -> film.id);
        Map<String, BookingCinemaRow> cinemasById = byId(
                cinemas.findAllById(screeningsById.values().stream()
                        .map(screening -> screening.cinemaId)
                        .collect(Collectors.toSet())),
                cinema -> cinema.id);
        Map<String, List<BookingRefundRow>> refundsByBooking =
                refunds.findByBookingIdIn(rows.stream().map(row -> row.id).toList()).stream()
                        .collect(Collectors.groupingBy(refund -> refund.bookingId));
        return rows.stream()
                .map(row -> {
                    BookingScreeningRow screening = screeningsById.get(row.screeningId);
                    BookingFilmRow film = screening == null ? null : filmsById.get(screening.filmId);
                    BookingCinemaRow cinema = screening == null ? null : cinemasById.get(screening.cinemaId);
                    String localStart = screening == null || cinema == null
                            ? null
                            : LOCAL_START.format(screening.startsAt.atZone(ZoneId.of(cinema.timeZone)));
                    return new BookingView(
                            row.id,
                            row.screeningId,
                            film == null ? null : film.title,
                            cinema == null ? null : cinema.name,
                            screening == null ? null : screening.startsAt,
                            localStart,
                            row.seats.stream().map(BookedSeat::view).toList(),
                            Money.of(row.totalAmountMinor, row.totalCurrency),
                            row.status,
                            row.expiresAt,
                            row.placedAt,
                            row.returnedSeats.stream().map(BookedSeat::view).toList(),
                            refunded(refundsByBooking.getOrDefault(row.id, List.of()), row.totalCurrency),
                            screening != null && screening.cancelled);
                })
                .toList();
    }

    /** Summed when read, from one row per refund: never a running total that a second delivery would inflate. */
    private static Money refunded(List<BookingRefundRow> refunds, String currency) {
        return refunds.stream()
                .map(refund -> Money.of(refund.amountMinor, refund.currency))
                .reduce(Money.of(0, currency), Money::plus);
    }

    private static <T> Map<String, T> byId(Collection<T> rows, Function<T, String> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
