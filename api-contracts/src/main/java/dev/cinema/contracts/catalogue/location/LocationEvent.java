package dev.cinema.contracts.catalogue.location;

/**
 * Every event the Location aggregate applies. Sealed, so that a new one has to be added here, and
 * the event coverage test then asks every read model that shows locations what it does with it.
 */
public sealed interface LocationEvent permits LocationCreatedEvent, LocationRenamedEvent, LocationRetiredEvent {

    LocationId locationId();
}
