package dev.cinema.contracts.catalogue.location;

/** A location was created. */
public record LocationCreatedEvent(LocationId locationId, String name) implements LocationEvent {}
