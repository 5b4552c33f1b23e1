package dev.cinema.command.catalogue.location;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.cinema.command.catalogue.Text;
import dev.cinema.contracts.catalogue.location.CreateLocationCommand;
import dev.cinema.contracts.catalogue.location.LocationCreatedEvent;
import dev.cinema.contracts.catalogue.location.LocationId;
import dev.cinema.contracts.catalogue.location.LocationRenamedEvent;
import dev.cinema.contracts.catalogue.location.LocationRetiredEvent;
import dev.cinema.contracts.catalogue.location.RenameLocationCommand;
import dev.cinema.contracts.catalogue.location.RetireLocationCommand;
import dev.cinema.platform.refusal.Refusal;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A region that groups cinemas, e.g. a city. */
@Aggregate
class Location {

    static final int MAX_NAME = 100;

    @AggregateIdentifier
    private LocationId locationId;

    private String name;
    private boolean retired;

    protected Location() {}

    @CommandHandler
    Location(CreateLocationCommand command) {
        apply(new LocationCreatedEvent(command.locationId(), Text.required(command.name(), "name", MAX_NAME)));
    }

    @CommandHandler
    void handle(RenameLocationCommand command) {
        requireActive();
        String newName = Text.required(command.name(), "name", MAX_NAME);
        if (!newName.equals(name)) {
            apply(new LocationRenamedEvent(locationId, newName));
        }
    }

    @CommandHandler
    void handle(RetireLocationCommand command) {
        if (!retired) {
            apply(new LocationRetiredEvent(locationId));
        }
    }

    private void requireActive() {
        if (retired) {
            throw new Refusal("location-retired", null, "Location " + locationId + " is retired");
        }
    }

    @EventSourcingHandler
    void on(LocationCreatedEvent event) {
        locationId = event.locationId();
        name = event.name();
    }

    @EventSourcingHandler
    void on(LocationRenamedEvent event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(LocationRetiredEvent event) {
        retired = true;
    }
}
