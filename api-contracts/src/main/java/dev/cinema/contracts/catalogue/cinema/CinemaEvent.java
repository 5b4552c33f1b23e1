package dev.cinema.contracts.catalogue.cinema;

/**
 * Every event the Cinema aggregate applies. Sealed, so that a new one has to be added here, and
 * the event coverage test then asks every read model that shows cinemas what it does with it.
 */
public sealed interface CinemaEvent
        permits CinemaCreatedEvent, CinemaUpdatedEvent, CinemaRetiredEvent, SeatingPolicyChangedEvent {

    CinemaId cinemaId();
}
