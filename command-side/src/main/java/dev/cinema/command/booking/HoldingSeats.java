package dev.cinema.command.booking;

import dev.cinema.command.catalogue.lookup.CatalogueLookup;
import dev.cinema.command.catalogue.screening.Screenings;
import dev.cinema.contracts.booking.CancelBookingCommand;
import dev.cinema.contracts.booking.ChangeBookingSeatsCommand;
import dev.cinema.contracts.booking.PlaceBookingCommand;
import dev.cinema.contracts.booking.ReleaseReason;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * A booking changes two aggregates at once: the screening's seat inventory decides (all or
 * nothing), the booking records the order. Both are changed in one unit of work, so their events
 * are stored in one transaction: there is never a hold without its booking or the reverse.
 */
@Component
class HoldingSeats {

    private final Repository<Booking> bookings;
    private final Screenings inventory;
    private final CatalogueLookup lookup;
    private final DeadlineManager deadlines;
    private final Clock clock;
    private final Duration holdDuration;
    private final Duration holdExpiringNotice;

    HoldingSeats(
            Repository<Booking> bookings,
            Screenings inventory,
            CatalogueLookup lookup,
            DeadlineManager deadlines,
            Clock clock,
            BookingProperties properties) {
        this.bookings = bookings;
        this.inventory = inventory;
        this.lookup = lookup;
        this.deadlines = deadlines;
        this.clock = clock;
        this.holdDuration = properties.holdDuration();
        this.holdExpiringNotice = properties.holdExpiringNotice();
    }

    @CommandHandler
    Screenings.Hold handle(PlaceBookingCommand command) throws Exception {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(holdDuration);
        boolean preventStranded =
                lookup.preventsStrandedSeats(command.screeningId().value(), "screeningId");
        List<SeatPrice> seats = inventory.hold(
                command.screeningId(),
                command.bookingId(),
                command.customerId(),
                command.seats(),
                expiresAt,
                now,
                preventStranded);
        bookings.newInstance(() -> new Booking(
                command.bookingId(),
                command.screeningId(),
                command.customerId(),
                seats,
                now,
                expiresAt,
                holdExpiringNotice,
                deadlines));
        return new Screenings.Hold(command.screeningId(), seats, expiresAt);
    }

    @CommandHandler
    Screenings.Hold handle(ChangeBookingSeatsCommand command) {
        var booking = bookings.load(command.bookingId().value());
        ScreeningId screeningId = booking.invoke(b -> b.requireChangeableBy(command.customerId()));
        List<SeatPrice> current = booking.invoke(b -> b.seatsFor(command.customerId()));
        Instant now = clock.instant();
        boolean preventStranded = lookup.preventsStrandedSeats(screeningId.value(), "screeningId");
        Screenings.Hold hold = inventory.changeHold(
                screeningId,
                command.bookingId(),
                command.customerId(),
                current,
                command.add(),
                command.remove(),
                now,
                preventStranded);
        booking.execute(b -> b.changeSeats(hold.seats()));
        return hold;
    }

    @CommandHandler
    void handle(CancelBookingCommand command) {
        ScreeningId screeningId =
                bookings.load(command.bookingId().value()).invoke(b -> b.cancel(command.customerId()));
        inventory.release(screeningId, command.bookingId(), ReleaseReason.CANCELLED);
    }
}
