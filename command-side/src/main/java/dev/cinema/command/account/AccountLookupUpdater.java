package dev.cinema.command.account;

import dev.cinema.contracts.account.RoleGrantedEvent;
import dev.cinema.contracts.account.RoleRevokedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the roles in the credential table in step with the account's events. Its processing
 * group is subscribing (see command-side.yml), so it runs inside the command's transaction.
 */
@Component
@ProcessingGroup("command-account-lookup")
class AccountLookupUpdater {

    private final AccountCredentialRepository credentials;

    AccountLookupUpdater(AccountCredentialRepository credentials) {
        this.credentials = credentials;
    }

    @EventHandler
    void on(RoleGrantedEvent event) {
        credentials.findById(event.accountId().value()).ifPresent(credential -> credential.grant(event.role()));
    }

    @EventHandler
    void on(RoleRevokedEvent event) {
        credentials.findById(event.accountId().value()).ifPresent(credential -> credential.revoke(event.role()));
    }
}
