package dev.cinema.contracts.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Grants a role to an account. */
public record GrantRoleCommand(@TargetAggregateIdentifier AccountId accountId, Role role) {}
