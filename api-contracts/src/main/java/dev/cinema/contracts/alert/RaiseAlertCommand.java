package dev.cinema.contracts.alert;

import dev.cinema.contracts.account.AccountId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Puts an alert in the customer's inbox (creating the inbox with its first alert); an alert id it holds already is ignored. */
public record RaiseAlertCommand(
        @TargetAggregateIdentifier InboxId inboxId,
        AccountId customerId,
        AlertId alertId,
        AlertType type,
        AlertRefs refs,
        AlertDetails details,
        Instant occurredAt) {}
