package dev.cinema.command.catalogue.screening;

import dev.cinema.command.catalogue.CatalogueProperties;
import dev.cinema.command.catalogue.lookup.CatalogueLookup;
import dev.cinema.command.catalogue.lookup.LookupEntry;
import dev.cinema.command.catalogue.lookup.ScreenSlot;
import dev.cinema.contracts.catalogue.cinema.CinemaId;
import dev.cinema.contracts.catalogue.screen.SeatLayout;
import dev.cinema.contracts.catalogue.screen.SeatType;
import dev.cinema.contracts.catalogue.screening.RescheduleScreeningCommand;
import dev.cinema.contracts.catalogue.screening.ScheduleScreeningCommand;
import dev.cinema.contracts.catalogue.screening.ScreeningScheduledEvent;
import dev.cinema.platform.refusal.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Scheduling is a rule over all screenings of a screen: no two may overlap, counting the film's
 * runtime and a cleaning gap. The screen's lookup row is locked for the transaction, so two
 * concurrent requests for one screen are checked one after the other, also across processes.
 */
@Component
class SchedulingScreenings {

    /** Far enough ahead for any real programme; keeps typos like year 20260 out. */
    static final Duration MAX_AHEAD = Duration.ofDays(730);

    private final Repository<Screening> screenings;
    private final CatalogueLookup lookup;
    private final Clock clock;
    private final Duration cleaningGap;

    SchedulingScreenings(
            Repository<Screening> screenings, CatalogueLookup lookup, Clock clock, CatalogueProperties catalogue) {
        this.screenings = screenings;
        this.lookup = lookup;
        this.clock = clock;
        this.cleaningGap = catalogue.cleaningGap();
    }

    @CommandHandler
    void handle(ScheduleScreeningCommand command) throws Exception {
        // Lock first: the first read of the screen in this transaction is the locked one, so a
        // retirement committed meanwhile is seen, and no other scheduling on it runs until we end.
        LookupEntry screen = lookup.lockScreen(command.screenId().value(), "screenId");
        LookupEntry film =
                lookup.requireActive(LookupEntry.Kind.FILM, command.filmId().value(), "filmId");
        lookup.requireActive(LookupEntry.Kind.CINEMA, screen.parentId(), "screenId");
        Instant startsAt = requireFutureStart(command.startsAt());
        Instant endsAt = startsAt.plus(Duration.ofMinutes(film.runtimeMinutes()));
        requireFree(
                command.screenId().value(),
                startsAt,
                endsAt,
                command.screeningId().value());
        SeatLayout layout = lookup.layoutOf(screen);
        Set<SeatType> seatTypes = layout.seats().stream()
                .map(SeatLayout.Seat::type)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SeatType.class)));
        ScreeningScheduledEvent scheduled = new ScreeningScheduledEvent(
                command.screeningId(),
                command.filmId(),
                command.screenId(),
                CinemaId.of(screen.parentId()),
                startsAt,
                endsAt,
                layout,
                PriceRules.checked(command.prices(), seatTypes),
                command.onSale());
        screenings.newInstance(() -> new Screening(scheduled));
    }

    @CommandHandler
    void handle(RescheduleScreeningCommand command) {
        ScreenSlot slot = lookup.slot(command.screeningId().value());
        lookup.lockScreen(slot.screenId(), "screeningId");
        Instant startsAt = requireFutureStart(command.startsAt());
        Instant endsAt = startsAt.plus(Duration.between(slot.startsAt(), slot.endsAt()));
        requireFree(slot.screenId(), startsAt, endsAt, slot.screeningId());
        screenings
                .load(command.screeningId().value())
                .execute(screening -> screening.reschedule(startsAt, endsAt, clock.instant()));
    }

    private Instant requireFutureStart(Instant startsAt) {
        Instant now = clock.instant();
        if (startsAt == null) {
            throw new Refusal("start-required", "startsAt", "startsAt is required");
        }
        if (!startsAt.isAfter(now)) {
            throw new Refusal("start-in-past", "startsAt", "startsAt must be in the future");
        }
        if (startsAt.isAfter(now.plus(MAX_AHEAD))) {
            throw new Refusal("start-too-far", "startsAt", "startsAt must be within two years");
        }
        return startsAt;
    }

    private void requireFree(String screenId, Instant startsAt, Instant endsAt, String exceptScreeningId) {
        List<ScreenSlot> clashes = lookup.overlapping(screenId, startsAt, endsAt.plus(cleaningGap), exceptScreeningId);
        if (!clashes.isEmpty()) {
            ScreenSlot clash = clashes.get(0);
            throw new Refusal(
                    "screening-overlap",
                    "startsAt",
                    "The screen is busy from " + clash.startsAt() + " until " + clash.occupiedUntil() + " (screening "
                            + clash.screeningId() + ", including cleaning)");
        }
    }
}
