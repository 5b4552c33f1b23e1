package dev.cinema.contracts.account;

/** A role was granted to an account. */
public record RoleGrantedEvent(AccountId accountId, Role role) implements AccountEvent {}
