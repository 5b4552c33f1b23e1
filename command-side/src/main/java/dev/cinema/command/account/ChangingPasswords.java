package dev.cinema.command.account;

import dev.cinema.contracts.account.ChangePasswordCommand;
import dev.cinema.platform.refusal.Refusal;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * A password change writes the new hash where credentials live (the credential table, never an
 * event) and records the change on the account, in one unit of work: the account's subscribing
 * lookup then raises its token version in the same transaction, so the new password and the
 * revocation of the old tokens commit together or not at all.
 */
@Component
class ChangingPasswords {

    private final Repository<Account> accounts;
    private final AccountCredentialRepository credentials;
    private final Clock clock;

    ChangingPasswords(Repository<Account> accounts, AccountCredentialRepository credentials, Clock clock) {
        this.accounts = accounts;
        this.credentials = credentials;
        this.clock = clock;
    }

    @CommandHandler
    void handle(ChangePasswordCommand command) {
        AccountCredential credential = credentials
                .findById(command.accountId().value())
                .orElseThrow(() -> new Refusal("account-not-found", null, "No account " + command.accountId()));
        credential.changePassword(command.passwordHash());
        accounts.load(command.accountId().value()).execute(account -> account.changePassword(clock.instant()));
    }
}
