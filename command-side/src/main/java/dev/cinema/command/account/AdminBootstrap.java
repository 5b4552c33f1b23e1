package dev.cinema.command.account;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.account.GrantRoleCommand;
import dev.cinema.contracts.account.RegisterAccountCommand;
import dev.cinema.contracts.account.Role;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first administrator: granting ADMIN needs an admin, so a fresh installation names one in
 * configuration ({@code cinema.bootstrap.admin.email} and {@code .password}). It is created once,
 * through the same commands as any account; later starts find it and do nothing.
 */
@Component
@ConditionalOnProperty("cinema.bootstrap.admin.email")
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final CommandGateway commands;
    private final AccountCredentialRepository credentials;
    private final PasswordEncoder passwords;
    private final String email;
    private final String password;

    AdminBootstrap(
            CommandGateway commands,
            AccountCredentialRepository credentials,
            PasswordEncoder passwords,
            BootstrapAdminProperties admin) {
        this.commands = commands;
        this.credentials = credentials;
        this.passwords = passwords;
        if (admin.password() == null || admin.password().isBlank()) {
            throw new IllegalStateException("cinema.bootstrap.admin.email needs cinema.bootstrap.admin.password");
        }
        this.email = AccountRegistration.normalise(admin.email());
        this.password = admin.password();
    }

    @Override
    public void run(ApplicationArguments args) {
        var existing = credentials.findByEmail(email);
        if (existing.isPresent()) {
            // Never grant ADMIN to an existing account here: anyone could have registered the
            // address before this runner ran. An account without ADMIN needs an operator.
            if (!existing.get().roles().contains(Role.ADMIN)) {
                throw new IllegalStateException("Bootstrap admin " + email
                        + " exists without the ADMIN role; grant it by hand or configure another e-mail");
            }
            return;
        }
        PasswordPolicy.check(password, email);
        AccountId id = AccountId.random();
        commands.sendAndWait(new RegisterAccountCommand(id, email, "Administrator", passwords.encode(password)));
        commands.sendAndWait(new GrantRoleCommand(id, Role.ADMIN));
        // The account id, never the e-mail: no personal data in logs.
        log.info("Bootstrap administrator created: account {}", id.value());
    }
}
