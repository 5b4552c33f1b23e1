package dev.cinema.contracts.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes a role from an account; CUSTOMER cannot be revoked. */
public record RevokeRoleCommand(@TargetAggregateIdentifier AccountId accountId, Role role) {}
