package dev.cinema.command.catalogue.screen;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.cinema.command.catalogue.Text;
import dev.cinema.command.catalogue.lookup.CatalogueLookup;
import dev.cinema.command.catalogue.lookup.LookupEntry;
import dev.cinema.contracts.catalogue.cinema.CinemaId;
import dev.cinema.contracts.catalogue.screen.CreateScreenCommand;
import dev.cinema.contracts.catalogue.screen.RetireScreenCommand;
import dev.cinema.contracts.catalogue.screen.ScreenCreatedEvent;
import dev.cinema.contracts.catalogue.screen.ScreenFormat;
import dev.cinema.contracts.catalogue.screen.ScreenId;
import dev.cinema.contracts.catalogue.screen.ScreenRetiredEvent;
import dev.cinema.contracts.catalogue.screen.ScreenUpdatedEvent;
import dev.cinema.contracts.catalogue.screen.UpdateScreenCommand;
import dev.cinema.platform.refusal.Refusal;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** An auditorium of a cinema with its format and seat layout. */
@Aggregate
class Screen {

    static final int MAX_NAME = 60;

    @AggregateIdentifier
    private ScreenId screenId;

    private CinemaId cinemaId;
    private boolean retired;

    protected Screen() {}

    @CommandHandler
    Screen(CreateScreenCommand command, CatalogueLookup lookup) {
        lookup.requireActive(LookupEntry.Kind.CINEMA, command.cinemaId().value(), "cinemaId");
        apply(new ScreenCreatedEvent(
                command.screenId(),
                command.cinemaId(),
                Text.required(command.name(), "name", MAX_NAME),
                format(command.format()),
                SeatLayoutRules.normalised(command.layout())));
    }

    @CommandHandler
    void handle(UpdateScreenCommand command) {
        if (retired) {
            throw new Refusal("screen-retired", null, "Screen " + screenId + " is retired");
        }
        apply(new ScreenUpdatedEvent(
                screenId,
                cinemaId,
                Text.required(command.name(), "name", MAX_NAME),
                format(command.format()),
                SeatLayoutRules.normalised(command.layout())));
    }

    @CommandHandler
    void handle(RetireScreenCommand command) {
        if (!retired) {
            apply(new ScreenRetiredEvent(screenId, cinemaId));
        }
    }

    private static ScreenFormat format(ScreenFormat format) {
        if (format == null) {
            throw new Refusal("format-required", "format", "format is required");
        }
        return format;
    }

    @EventSourcingHandler
    void on(ScreenCreatedEvent event) {
        screenId = event.screenId();
        cinemaId = event.cinemaId();
    }

    @EventSourcingHandler
    void on(ScreenRetiredEvent event) {
        retired = true;
    }
}
