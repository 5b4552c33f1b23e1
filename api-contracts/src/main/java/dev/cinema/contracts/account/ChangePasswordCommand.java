package dev.cinema.contracts.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes an account's password; the new one arrives already hashed (the current one was checked
 * by the door that sent this) and is kept out of every event.
 */
public record ChangePasswordCommand(
        @TargetAggregateIdentifier AccountId accountId, String passwordHash) {

    /** Keeps the hash out of logs and error messages that print the command. */
    @Override
    public String toString() {
        return "ChangePasswordCommand[accountId=" + accountId + ", passwordHash=<redacted>]";
    }
}
