package dev.cinema.contracts.catalogue.cinema;

import java.time.ZoneId;

/** A cinema was edited. */
public record CinemaUpdatedEvent(CinemaId cinemaId, String name, Address address, ZoneId timeZone)
        implements CinemaEvent {}
