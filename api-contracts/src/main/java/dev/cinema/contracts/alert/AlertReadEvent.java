package dev.cinema.contracts.alert;

import dev.cinema.contracts.account.AccountId;

/** The customer read an alert (one by one, or all at once: one event per alert that was unread). */
public record AlertReadEvent(InboxId inboxId, AccountId customerId, AlertId alertId) implements InboxEvent {}
