package dev.cinema.command.booking;

import dev.cinema.command.catalogue.lookup.CatalogueLookup;
import dev.cinema.command.catalogue.screening.Screenings;
import dev.cinema.command.config.CommandRefusals;
import dev.cinema.contracts.booking.CancelBookingCommand;
import dev.cinema.contracts.booking.ChangeBookingSeatsCommand;
import dev.cinema.contracts.booking.PlaceBookingCommand;
import dev.cinema.contracts.booking.ReleaseReason;
import dev.cinema.contracts.booking.SeatPrice;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.platform.refusal.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
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
    private final List<CorrelationDataProvider> correlation;
    private final CommandRefusals refusals;

    HoldingSeats(
            Repository<Booking> bookings,
            Screenings inventory,
            CatalogueLookup lookup,
            DeadlineManager deadlines,
            Clock clock,
            BookingProperties properties,
            List<CorrelationDataProvider> correlation,
            CommandRefusals refusals) {
        this.bookings = bookings;
        this.refusals = refusals;
        this.correlation = List.copyOf(correlation);
        this.inventory = inventory;
        this.lookup = lookup;
        this.deadlines = deadlines;
        this.clock = clock;
        this.holdDuration = properties.holdDuration();
        this.holdExpiringNotice = properties.holdExpiringNotice();
    }

    @CommandHandler
    Screenings.Hold handle(PlaceBookingCommand command) {
        Instant now = clock.instant();
        boolean preventStranded =
                lookup.preventsStrandedSeats(command.screeningId().value(), "screeningId");
        return place(command, hold(command, now, preventStranded), now);
    }

    /**
     * Many customers' holds on one screening in one transaction (the {@link HoldDesk}'s batches).
     * Each request is decided on its own, all or nothing, in a unit of work nested in the batch's,
     * whose message is the request's own command, so that its events carry its sender and
     * correlation exactly as if it had been sent alone. A refusal is an answer, not a failure: the
     * screening refuses before it applies anything, so the request's nested unit of work commits
     * empty and the batch goes on, with the screening still loaded and still cached (a rollback
     * would evict it, and the next hold would load it again). Anything else fails the whole batch,
     * which rolls back, and the desk sends its requests one by one.
     */
    @CommandHandler
    List<HoldOutcome> handle(PlaceBookingsCommand batch) {
        Instant now = clock.instant();
        boolean preventStranded =
                lookup.preventsStrandedSeats(batch.screeningId().value(), "screeningId");
        List<HoldOutcome> outcomes = new ArrayList<>(batch.requests().size());
        for (PlaceBookingsCommand.Request request : batch.requests()) {
            PlaceBookingCommand command = request.command();
            UnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(new GenericCommandMessage<>(
                    new GenericMessage<>(request.messageId(), command, request.metaData()),
                    PlaceBookingCommand.class.getName()));
            correlation.forEach(nested::registerCorrelationDataProvider);
            try {
                List<SeatPrice> seats;
                try {
                    seats = hold(command, now, preventStranded);
                } catch (Refusal refusal) {
                    // An outcome, not an exception: the command bus's interceptor never sees it.
                    refusals.count(PlaceBookingCommand.class.getSimpleName(), refusal.code());
                    outcomes.add(HoldOutcome.refused(refusal.asDetails()));
                    nested.commit();
                    continue;
                }
                outcomes.add(HoldOutcome.held(place(command, seats, now)));
                nested.commit();
            } catch (RuntimeException e) {
                if (nested.isActive()) {
                    nested.rollback(e);
                }
                throw e;
            }
        }
        return outcomes;
    }

    /** The screening's decision: the seats held at their quoted prices, or a refusal before any event. */
    private List<SeatPrice> hold(PlaceBookingCommand command, Instant now, boolean preventStranded) {
        return inventory.hold(
                command.screeningId(),
                command.bookingId(),
                command.customerId(),
                command.seats(),
                now.plus(holdDuration),
                now,
                preventStranded);
    }

    /** The booking that records a hold the screening has granted. */
    private Screenings.Hold place(PlaceBookingCommand command, List<SeatPrice> seats, Instant now) {
        Instant expiresAt = now.plus(holdDuration);
        try {
            bookings.newInstance(() -> new Booking(
                    command.bookingId(),
                    command.screeningId(),
                    command.customerId(),
                    seats,
                    now,
                    expiresAt,
                    holdExpiringNotice,
                    deadlines));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // newInstance declares Exception for the factory's sake; the constructor throws none.
            throw new IllegalStateException("Could not record booking " + command.bookingId(), e);
        }
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
