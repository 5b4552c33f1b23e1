package dev.cinema.platform.security;

/** Answers an account's current token version: tokens issued with a lower one are revoked. */
@FunctionalInterface
public interface TokenVersionCheck {

    /** Nothing is ever revoked: for verifiers outside the apps (tests of the signature rules). */
    TokenVersionCheck NONE = accountId -> 0;

    long current(String accountId);
}
