package dev.cinema.contracts.alert;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The customer read every alert their inbox holds so far. */
public record ReadAllAlertsCommand(
        @TargetAggregateIdentifier InboxId inboxId) {}
