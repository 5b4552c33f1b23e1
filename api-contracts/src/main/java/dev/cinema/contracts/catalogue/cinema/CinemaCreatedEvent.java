package dev.cinema.contracts.catalogue.cinema;

import dev.cinema.contracts.catalogue.location.LocationId;
import java.time.ZoneId;

/** A cinema was created. */
public record CinemaCreatedEvent(
        CinemaId cinemaId, LocationId locationId, String name, Address address, ZoneId timeZone)
        implements CinemaEvent {}
