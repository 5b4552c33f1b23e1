package dev.cinema.contracts.account;

import java.util.Objects;
import java.util.UUID;

/** Identifies a customer or staff account. */
public record AccountId(String value) {

    public AccountId {
        Objects.requireNonNull(value, "AccountId value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("AccountId must not be blank");
        }
    }

    public static AccountId random() {
        return new AccountId(UUID.randomUUID().toString());
    }

    public static AccountId of(String value) {
        return new AccountId(value);
    }

    /** Axon routes commands and names event streams by {@code toString()}: it must be the bare value. */
    @Override
    public String toString() {
        return value;
    }
}
