package dev.cinema.command.booking;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingStatus;
import dev.cinema.contracts.catalogue.film.FilmId;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A customer's bookings of a film's screenings, read from the command side's booking index and
 * screen slots (both written in the transactions of the events they follow): what the rule on who
 * may review a film needs to know. Never used to answer queries.
 */
@Component
public class FilmViewings {

    private final BookingIndex index;

    FilmViewings(BookingIndex index) {
        this.index = index;
    }

    /** One booking of the film: where it stands, when its screening starts, whether it was cancelled. */
    public record Viewing(String bookingId, BookingStatus status, Instant startsAt, boolean screeningCancelled) {}

    public List<Viewing> of(AccountId customer, FilmId film) {
        return index.viewings(customer.value(), film.value()).stream()
                .map(row -> new Viewing((String) row[0], (BookingStatus) row[1], (Instant) row[2], (Boolean) row[3]))
                .toList();
    }
}
