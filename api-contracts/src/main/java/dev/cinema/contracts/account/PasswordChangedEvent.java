package dev.cinema.contracts.account;

import java.time.Instant;

/**
 * An account's password was changed. Carries no hash (that stays in the command side's credential
 * table); it revokes every token issued to the account before it.
 */
public record PasswordChangedEvent(AccountId accountId, Instant changedAt) implements AccountEvent {}
