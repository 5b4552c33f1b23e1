package dev.cinema.command.account;

import dev.cinema.contracts.account.PasswordChangedEvent;
import dev.cinema.contracts.account.RoleGrantedEvent;
import dev.cinema.contracts.account.RoleRevokedEvent;
import dev.cinema.platform.security.TokenVersions;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Keeps the roles in the credential table in step with the account's events, and raises the
 * account's token version on every role or password change (the event's sequence number), which
 * revokes the tokens issued before it in both apps. Its processing group is subscribing (see
 * command-side.yml), so it runs inside the command's transaction: the change and the revocation
 * commit together.
 */
@Component
@ProcessingGroup("command-account-lookup")
class AccountLookupUpdater {

    private final AccountCredentialRepository credentials;
    private final TokenVersions tokenVersions;

    AccountLookupUpdater(AccountCredentialRepository credentials, TokenVersions tokenVersions) {
        this.credentials = credentials;
        this.tokenVersions = tokenVersions;
    }

    @EventHandler
    void on(RoleGrantedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        credentials.findById(event.accountId().value()).ifPresent(credential -> credential.grant(event.role()));
        tokenVersions.raise(event.accountId().value(), sequence, at);
    }

    @EventHandler
    void on(RoleRevokedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        credentials.findById(event.accountId().value()).ifPresent(credential -> credential.revoke(event.role()));
        tokenVersions.raise(event.accountId().value(), sequence, at);
    }

    /** The new hash was written by {@link ChangingPasswords}; what is left is to revoke the old tokens. */
    @EventHandler
    void on(PasswordChangedEvent event, @SequenceNumber long sequence) {
        tokenVersions.raise(event.accountId().value(), sequence, event.changedAt());
    }
}
