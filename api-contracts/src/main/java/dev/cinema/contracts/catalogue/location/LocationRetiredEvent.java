package dev.cinema.contracts.catalogue.location;

/** A location was retired. */
public record LocationRetiredEvent(LocationId locationId) implements LocationEvent {}
