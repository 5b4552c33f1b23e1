package dev.cinema.command.catalogue.screening;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.cinema.contracts.catalogue.screen.ScreenId;
import dev.cinema.contracts.catalogue.screen.SeatLayout;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.catalogue.screening.CancelScreeningCommand;
import dev.cinema.contracts.catalogue.screening.ChangeScreeningPricesCommand;
import dev.cinema.contracts.catalogue.screening.OpenScreeningSalesCommand;
import dev.cinema.contracts.catalogue.screening.ScreeningCancelledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningId;
import dev.cinema.contracts.catalogue.screening.ScreeningPricesChangedEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningRescheduledEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningSalesOpenedEvent;
import dev.cinema.contracts.catalogue.screening.ScreeningScheduledEvent;
import dev.cinema.command.catalogue.Text;
import dev.cinema.platform.web.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One showtime of a film on a screen. Scheduling and rescheduling need the screen's other
 * screenings, so {@link ScreeningScheduling} checks for overlaps and then asks this aggregate;
 * everything else it decides alone. (Its seat inventory arrives with the bookings feature.)
 */
@Aggregate
class Screening {

    @AggregateIdentifier
    private ScreeningId screeningId;
    private ScreenId screenId;
    private Instant startsAt;
    private Set<SeatType> seatTypes;
    private boolean onSale;
    private boolean cancelled;

    protected Screening() {
    }

    Screening(ScreeningScheduledEvent scheduled) {
        apply(scheduled);
    }

    void reschedule(Instant newStart, Instant newEnd, Instant now) {
        requireNotCancelled();
        if (!startsAt.isAfter(now)) {
            throw DomainException.conflict("screening-started", null, "The screening has already started");
        }
        if (!newStart.isAfter(now)) {
            throw DomainException.invalid("start-in-past", "startsAt", "startsAt must be in the future");
        }
        if (!newStart.equals(startsAt)) {
            apply(new ScreeningRescheduledEvent(screeningId, screenId, newStart, newEnd));
        }
    }

    @CommandHandler
    void handle(ChangeScreeningPricesCommand command) {
        requireNotCancelled();
        apply(new ScreeningPricesChangedEvent(screeningId, PriceRules.checked(command.prices(), seatTypes)));
    }

    @CommandHandler
    void handle(OpenScreeningSalesCommand command, Clock clock) {
        requireNotCancelled();
        if (!startsAt.isAfter(clock.instant())) {
            throw DomainException.conflict("screening-started", null, "The screening has already started");
        }
        if (!onSale) {
            apply(new ScreeningSalesOpenedEvent(screeningId));
        }
    }

    @CommandHandler
    void handle(CancelScreeningCommand command) {
        if (!cancelled) {
            apply(new ScreeningCancelledEvent(screeningId, screenId,
                    Text.optional(command.reason(), "reason", 500)));
        }
    }

    private void requireNotCancelled() {
        if (cancelled) {
            throw DomainException.conflict("screening-cancelled", null, "Screening " + screeningId + " is cancelled");
        }
    }

    @EventSourcingHandler
    void on(ScreeningScheduledEvent event) {
        screeningId = event.screeningId();
        screenId = event.screenId();
        startsAt = event.startsAt();
        onSale = event.onSale();
        seatTypes = event.layout().seats().stream().map(SeatLayout.Seat::type)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SeatType.class)));
    }

    @EventSourcingHandler
    void on(ScreeningRescheduledEvent event) {
        startsAt = event.startsAt();
    }

    @EventSourcingHandler
    void on(ScreeningSalesOpenedEvent event) {
        onSale = true;
    }

    @EventSourcingHandler
    void on(ScreeningCancelledEvent event) {
        cancelled = true;
        onSale = false;
    }
}
