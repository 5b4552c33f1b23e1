package dev.cinema.contracts.alert;

import dev.cinema.contracts.account.AccountId;
import java.util.Objects;

/**
 * Identifies a customer's inbox of alerts: {@code inbox-} and the account id. The prefix keeps its
 * event stream apart from the account's own: Axon keys stored events by (aggregate id, sequence)
 * whatever the aggregate's type.
 */
public record InboxId(String value) {

    private static final String PREFIX = "inbox-";

    public InboxId {
        Objects.requireNonNull(value, "InboxId value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("InboxId must not be blank");
        }
    }

    /** The one inbox of an account. */
    public static InboxId of(AccountId accountId) {
        return new InboxId(PREFIX + accountId.value());
    }

    public static InboxId of(String value) {
        return new InboxId(value);
    }

    /** Axon routes commands and names event streams by {@code toString()}: it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
