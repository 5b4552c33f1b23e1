package dev.cinema.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.account.AccountRegisteredEvent;
import dev.cinema.contracts.account.GrantRoleCommand;
import dev.cinema.contracts.account.PasswordChangedEvent;
import dev.cinema.contracts.account.RevokeRoleCommand;
import dev.cinema.contracts.account.Role;
import dev.cinema.contracts.account.RoleGrantedEvent;
import dev.cinema.contracts.account.RoleRevokedEvent;
import dev.cinema.platform.refusal.Refusal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An account's identity and roles. Credentials are not part of it: the password hash lives only
 * in the command side's credential table, never in an event; a password change is an event
 * nonetheless ({@link PasswordChangedEvent}), since it revokes the account's tokens.
 */
@Aggregate
class Account {

    @AggregateIdentifier
    private AccountId accountId;

    private Set<Role> roles;

    protected Account() {
        // For Axon: rebuilt from events.
    }

    /** Called by {@link AccountRegistration}, which checks the e-mail is free first. */
    Account(AccountId accountId, String email, String displayName, Instant registeredAt) {
        apply(new AccountRegisteredEvent(accountId, email, displayName, Set.of(Role.CUSTOMER), registeredAt));
    }

    @CommandHandler
    void handle(GrantRoleCommand command) {
        if (command.role() == null) {
            throw new Refusal("role-required", "role", "role is required");
        }
        if (roles.contains(command.role())) {
            return; // Granting a role the account has is a no-op, so retries are harmless.
        }
        apply(new RoleGrantedEvent(accountId, command.role()));
    }

    @CommandHandler
    void handle(RevokeRoleCommand command) {
        if (command.role() == null) {
            throw new Refusal("role-required", "role", "role is required");
        }
        if (command.role() == Role.CUSTOMER) {
            throw new Refusal("customer-role-permanent", "role", "The CUSTOMER role cannot be revoked");
        }
        if (!roles.contains(command.role())) {
            return;
        }
        apply(new RoleRevokedEvent(accountId, command.role()));
    }

    /**
     * Called by {@link ChangingPasswords}, which writes the new hash to the credential table in the
     * same unit of work: the event says only that and when it changed, never the hash.
     */
    void changePassword(Instant changedAt) {
        apply(new PasswordChangedEvent(accountId, changedAt));
    }

    @EventSourcingHandler
    void on(AccountRegisteredEvent event) {
        this.accountId = event.accountId();
        this.roles = EnumSet.copyOf(event.roles());
    }

    @EventSourcingHandler
    void on(RoleGrantedEvent event) {
        roles.add(event.role());
    }

    @EventSourcingHandler
    void on(RoleRevokedEvent event) {
        roles.remove(event.role());
    }
}
