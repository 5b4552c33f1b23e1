package dev.cinema.contracts.alert;

/**
 * Every event of a customer's Inbox aggregate. Sealed, so that a new one has to be added here, and
 * the event coverage test then asks every read model that shows inboxes what it does with it.
 */
public sealed interface InboxEvent permits AlertRaisedEvent, AlertReadEvent {

    InboxId inboxId();
}
