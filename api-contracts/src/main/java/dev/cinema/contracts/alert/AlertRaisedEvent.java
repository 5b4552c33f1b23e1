package dev.cinema.contracts.alert;

import dev.cinema.contracts.account.AccountId;
import java.time.Instant;

/**
 * An alert was put in a customer's inbox. {@code occurredAt} is the instant of the event that
 * raised it (not of this one), so an inbox shows when things happened, however late it learned of
 * them.
 */
public record AlertRaisedEvent(
        InboxId inboxId,
        AccountId customerId,
        AlertId alertId,
        AlertType type,
        AlertRefs refs,
        AlertDetails details,
        Instant occurredAt)
        implements InboxEvent {}
