package dev.cinema.contracts.account;

/**
 * Every event the Account aggregate applies. Sealed, so that a new one has to be added here, and
 * the event coverage test then asks every read model that shows accounts what it does with it.
 */
public sealed interface AccountEvent
        permits AccountRegisteredEvent, RoleGrantedEvent, RoleRevokedEvent, PasswordChangedEvent {

    AccountId accountId();
}
