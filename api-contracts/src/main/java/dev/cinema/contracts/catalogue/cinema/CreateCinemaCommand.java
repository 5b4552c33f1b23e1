package dev.cinema.contracts.catalogue.cinema;

import dev.cinema.contracts.catalogue.location.LocationId;
import java.time.ZoneId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a cinema in a location. */
public record CreateCinemaCommand(
        @TargetAggregateIdentifier CinemaId cinemaId,
        LocationId locationId,
        String name,
        Address address,
        ZoneId timeZone) {}
