package dev.cinema.command.catalogue.screening;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.booking.BookingId;
import dev.cinema.contracts.booking.ReleaseReason;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.platform.refusal.Refusal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * The seat inventory of screenings as other features use it, from inside their own command
 * handlers (and so their unit of work). The screening aggregate stays private to this package.
 */
@Component
public class Screenings {

    private final Repository<Screening> screenings;

    Screenings(Repository<Screening> screenings) {
        this.screenings = screenings;
    }

    /** The seats a booking holds on a screening, at the prices they were quoted, and until when. */
    public record Hold(ScreeningId screeningId, List<SeatPrice> seats, Instant expiresAt) {}

    public List<SeatPrice> hold(
            ScreeningId screeningId,
            BookingId bookingId,
            AccountId customerId,
            Collection<String> seats,
            Instant holdUntil,
            Instant now,
            boolean preventStrandedSeats) {
        return load(screeningId)
                .invoke(screening ->
                        screening.hold(bookingId, customerId, seats, holdUntil, now, preventStrandedSeats));
    }

    public Hold changeHold(
            ScreeningId screeningId,
            BookingId bookingId,
            AccountId customerId,
            List<SeatPrice> current,
            Collection<String> add,
            Collection<String> remove,
            Instant now,
            boolean preventStrandedSeats) {
        return load(screeningId)
                .invoke(screening ->
                        screening.changeHold(bookingId, customerId, current, add, remove, now, preventStrandedSeats));
    }

    /** Sells a booking's held seats; false when its hold has run out (or the screening is off). */
    public boolean sell(ScreeningId screeningId, BookingId bookingId, Instant now) {
        return load(screeningId).invoke(screening -> screening.sell(bookingId, now));
    }

    /** Frees seats sold to a booking that were refunded. */
    public List<String> returnSold(ScreeningId screeningId, BookingId bookingId, Collection<String> seats) {
        return load(screeningId).invoke(screening -> screening.returnSold(bookingId, seats));
    }

    public void release(ScreeningId screeningId, BookingId bookingId, ReleaseReason reason) {
        load(screeningId).execute(screening -> screening.release(bookingId, null, reason));
    }

    private org.axonframework.modelling.command.Aggregate<Screening> load(ScreeningId screeningId) {
        try {
            return screenings.load(screeningId.value());
        } catch (AggregateNotFoundException e) {
            throw new Refusal("screening-not-found", "screeningId", "No screening " + screeningId);
        }
    }
}
