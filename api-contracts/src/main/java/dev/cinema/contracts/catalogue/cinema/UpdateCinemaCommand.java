package dev.cinema.contracts.catalogue.cinema;

import java.time.ZoneId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Edits a cinema's name, address and time zone. */
public record UpdateCinemaCommand(
        @TargetAggregateIdentifier CinemaId cinemaId, String name, Address address, ZoneId timeZone) {}
