package dev.cinema.contracts.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The customer read one alert of their inbox; an alert of another inbox is unknown here. */
public record ReadAlertCommand(@TargetAggregateIdentifier InboxId inboxId, AlertId alertId) {}
