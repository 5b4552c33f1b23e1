package dev.cinema.command.catalogue.cinema;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.cinema.command.catalogue.Text;
import dev.cinema.command.catalogue.lookup.CatalogueLookup;
import dev.cinema.command.catalogue.lookup.LookupEntry;
import dev.cinema.contracts.catalogue.cinema.Address;
import dev.cinema.contracts.catalogue.cinema.ChangeSeatingPolicyCommand;
import dev.cinema.contracts.catalogue.cinema.CinemaCreatedEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaId;
import dev.cinema.contracts.catalogue.cinema.CinemaRetiredEvent;
import dev.cinema.contracts.catalogue.cinema.CinemaUpdatedEvent;
import dev.cinema.contracts.catalogue.cinema.CreateCinemaCommand;
import dev.cinema.contracts.catalogue.cinema.RetireCinemaCommand;
import dev.cinema.contracts.catalogue.cinema.SeatingPolicyChangedEvent;
import dev.cinema.contracts.catalogue.cinema.UpdateCinemaCommand;
import dev.cinema.platform.refusal.Refusal;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A cinema: where it is, what it is called and which time zone its showtimes are given in. */
@Aggregate
class Cinema {

    static final int MAX_NAME = 100;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @AggregateIdentifier
    private CinemaId cinemaId;

    private boolean retired;
    private boolean preventStrandedSeats;

    protected Cinema() {}

    /** The lookup is injected by Axon: the location must exist and be active. */
    @CommandHandler
    Cinema(CreateCinemaCommand command, CatalogueLookup lookup) {
        lookup.requireActive(LookupEntry.Kind.LOCATION, command.locationId().value(), "locationId");
        apply(new CinemaCreatedEvent(
                command.cinemaId(),
                command.locationId(),
                Text.required(command.name(), "name", MAX_NAME),
                address(command.address()),
                zone(command.timeZone())));
    }

    @CommandHandler
    void handle(UpdateCinemaCommand command) {
        if (retired) {
            throw new Refusal("cinema-retired", null, "Cinema " + cinemaId + " is retired");
        }
        apply(new CinemaUpdatedEvent(
                cinemaId,
                Text.required(command.name(), "name", MAX_NAME),
                address(command.address()),
                zone(command.timeZone())));
    }

    @CommandHandler
    void handle(ChangeSeatingPolicyCommand command) {
        if (retired) {
            throw new Refusal("cinema-retired", null, "Cinema " + cinemaId + " is retired");
        }
        if (command.preventStrandedSeats() != preventStrandedSeats) {
            apply(new SeatingPolicyChangedEvent(cinemaId, command.preventStrandedSeats()));
        }
    }

    @CommandHandler
    void handle(RetireCinemaCommand command) {
        if (!retired) {
            apply(new CinemaRetiredEvent(cinemaId));
        }
    }

    private static ZoneId zone(ZoneId timeZone) {
        if (timeZone == null) {
            throw new Refusal("time-zone-required", "timeZone", "timeZone is required");
        }
        return timeZone;
    }

    private static Address address(Address address) {
        if (address == null) {
            throw new Refusal("address-required", "address", "address is required");
        }
        String country = Text.required(address.country(), "address.country", 2).toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw new Refusal(
                    "unknown-country", "address.country", "address.country must be an ISO 3166-1 alpha-2 code");
        }
        return new Address(
                Text.required(address.street(), "address.street", 200),
                Text.required(address.city(), "address.city", 100),
                Text.required(address.postalCode(), "address.postalCode", 20),
                country);
    }

    @EventSourcingHandler
    void on(CinemaCreatedEvent event) {
        cinemaId = event.cinemaId();
        preventStrandedSeats = true;
    }

    @EventSourcingHandler
    void on(SeatingPolicyChangedEvent event) {
        preventStrandedSeats = event.preventStrandedSeats();
    }

    @EventSourcingHandler
    void on(CinemaRetiredEvent event) {
        retired = true;
    }
}
