package dev.cinema.contracts.catalogue.location;

/** A location was renamed. */
public record LocationRenamedEvent(LocationId locationId, String name) implements LocationEvent {}
