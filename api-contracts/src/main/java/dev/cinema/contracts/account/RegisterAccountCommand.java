package dev.cinema.contracts.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers an account; the password arrives already hashed and is kept out of every event. */
public record RegisterAccountCommand(
        @TargetAggregateIdentifier AccountId accountId, String email, String displayName, String passwordHash) {

    /** Keeps the hash out of logs and error messages that print the command. */
    @Override
    public String toString() {
        return "RegisterAccountCommand[accountId=" + accountId + ", email=" + email + ", passwordHash=<redacted>]";
    }
}
