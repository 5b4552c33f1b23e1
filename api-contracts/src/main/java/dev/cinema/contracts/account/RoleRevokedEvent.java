package dev.cinema.contracts.account;

/** A role was revoked from an account. */
public record RoleRevokedEvent(AccountId accountId, Role role) implements AccountEvent {}
