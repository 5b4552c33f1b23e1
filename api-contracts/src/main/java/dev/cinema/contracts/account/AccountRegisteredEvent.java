package dev.cinema.contracts.account;

import java.time.Instant;
import java.util.Set;

/** An account was registered with the CUSTOMER role. The e-mail is stored normalised to lower case. */
public record AccountRegisteredEvent(
        AccountId accountId, String email, String displayName, Set<Role> roles, Instant registeredAt)
        implements AccountEvent {}
