package dev.cinema.command.account;

import dev.cinema.contracts.account.RegisterAccountCommand;
import dev.cinema.contracts.account.Role;
import dev.cinema.platform.refusal.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Registration spans more than one account (the e-mail must be unique), so it is handled here:
 * the credential row and the account's first event are written in one unit of work, and the
 * unique index on the e-mail settles a race between two registrations of the same address.
 */
@Component
class AccountRegistration {

    private final Repository<Account> accounts;
    private final AccountCredentialRepository credentials;
    private final Clock clock;

    AccountRegistration(Repository<Account> accounts, AccountCredentialRepository credentials, Clock clock) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.clock = clock;
    }

    @CommandHandler
    void handle(RegisterAccountCommand command) throws Exception {
        String email = normalise(command.email());
        if (credentials.existsByEmail(email)) {
            throw emailTaken();
        }
        Instant now = clock.instant();
        try {
            credentials.saveAndFlush(new AccountCredential(
                    command.accountId().value(), email, command.passwordHash(), Set.of(Role.CUSTOMER), now));
        } catch (DataIntegrityViolationException race) {
            throw emailTaken();
        }
        accounts.newInstance(() -> new Account(command.accountId(), email, command.displayName(), now));
    }

    static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static Refusal emailTaken() {
        return new Refusal("email-taken", "email", "An account with this e-mail already exists");
    }
}
