package dev.cinema.contracts.catalogue.screen;

/**
 * Every event the Screen aggregate applies. Sealed, so that a new one has to be added here, and
 * the event coverage test then asks every read model that shows screens what it does with it.
 */
public sealed interface ScreenEvent permits ScreenCreatedEvent, ScreenUpdatedEvent, ScreenRetiredEvent {

    ScreenId screenId();
}
