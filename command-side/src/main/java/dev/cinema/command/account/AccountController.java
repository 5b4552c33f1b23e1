package dev.cinema.command.account;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.account.ChangePasswordCommand;
import dev.cinema.contracts.account.GrantRoleCommand;
import dev.cinema.contracts.account.RegisterAccountCommand;
import dev.cinema.contracts.account.RevokeRoleCommand;
import dev.cinema.contracts.account.Role;
import dev.cinema.platform.openapi.ApiAnswer;
import dev.cinema.platform.openapi.RequestExample;
import dev.cinema.platform.refusal.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts", description = "Registration, login, password change and role management")
class AccountController {

    private final CommandGateway commands;
    private final AccountCredentialRepository credentials;
    private final PasswordEncoder passwords;
    private final TokenIssuer tokens;
    private final LoginThrottle throttle;
    /** Compared against when the e-mail is unknown, so that a miss costs as long as a hit. */
    private final String decoyHash;

    AccountController(
            CommandGateway commands,
            AccountCredentialRepository credentials,
            PasswordEncoder passwords,
            TokenIssuer tokens,
            LoginThrottle throttle) {
        this.commands = commands;
        this.credentials = credentials;
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
        this.decoyHash = passwords.encode("decoy-password-0");
    }

    record RegistrationRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull @Size(max = 128) String password,
            @NotBlank @Size(max = 100) String displayName) {}

    record Registered(String accountId, String email, List<String> roles) {}

    record LoginRequest(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 128) String password) {}

    record RoleRequest(@NotNull Role role) {}

    @RequestExample("""
            {"email": "ada@example.org", "password": "Lovelace-1815", "displayName": "Ada"}
            """)
    @PostMapping("/api/accounts")
    @ApiAnswer(
            status = 201,
            when = "Registered, with the CUSTOMER role; Location points at the account as the query API shows it "
                    + "to its owner (after login)")
    @ApiAnswer(status = 409, when = "An account with this e-mail exists already")
    @Operation(summary = "Register a customer account (public)")
    @SecurityRequirements
    ResponseEntity<Registered> register(@Valid @RequestBody RegistrationRequest request) {
        PasswordPolicy.check(request.password(), request.email());
        AccountId accountId = AccountId.random();
        String email = AccountRegistration.normalise(request.email());
        commands.sendAndWait(new RegisterAccountCommand(
                accountId, email, request.displayName().trim(), passwords.encode(request.password())));
        // Nothing serves /api/accounts/{id}: the account is read by its owner, once logged in, at /api/me.
        return ResponseEntity.created(URI.create("/api/me"))
                .body(new Registered(accountId.value(), email, List.of(Role.CUSTOMER.name())));
    }

    @RequestExample("""
            {"email": "ada@example.org", "password": "Lovelace-1815"}
            """)
    @PostMapping("/api/auth/login")
    @ApiAnswer(status = 401, when = "The e-mail or the password is wrong")
    @ApiAnswer(
            status = 429,
            when = "Too many attempts for this e-mail or from this address (login-throttled): refused unchecked, even "
                    + "with the right password, until Retry-After (also retryAfterSeconds) has passed",
            body = LoginThrottled.class)
    @Operation(summary = "Log in with e-mail and password; answers a bearer token (public)")
    @SecurityRequirements
    TokenIssuer.IssuedToken login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        String email = AccountRegistration.normalise(request.email());
        // The remote address: behind a proxy, server.forward-headers-strategy decides whether it is the client's.
        String address = http.getRemoteAddr();
        throttle.admit(email, address);
        AccountCredential credential = credentials.findByEmail(email).orElse(null);
        // An unknown e-mail costs the same as a known one: one lookup, one BCrypt comparison (with a
        // decoy hash), an attempt counted the same way, and the same refusal.
        String hash = credential == null ? decoyHash : credential.passwordHash();
        boolean matches = passwords.matches(request.password(), hash);
        if (credential == null || !matches) {
            throw new Refusal("bad-credentials", null, "E-mail or password is wrong");
        }
        throttle.succeeded(email, address);
        return tokens.issueFor(credential.accountId());
    }

    record PasswordChangeRequest(
            @NotBlank @Size(max = 128) String currentPassword,
            @NotNull @Size(max = 128) String newPassword) {}

    /**
     * The current password is asked for, so that a stolen token alone cannot take the account
     * over; guesses at it are counted and locked like logins of the account's e-mail. The change
     * revokes every token issued before it, the caller's own included (both apps refuse them with
     * a 401 {@code token-revoked}), so the answer is a fresh token.
     */
    @RequestExample("""
            {"currentPassword": "Lovelace-1815", "newPassword": "Analytical-Engine-1837"}
            """)
    @PostMapping("/api/me/password")
    @ApiAnswer(status = 200, when = "Changed: every token issued before (this one too) is revoked; here is a new one")
    @ApiAnswer(status = 403, when = "The current password is wrong (current-password-wrong)")
    @ApiAnswer(status = 404, when = "The token's account does not exist (account-not-found)")
    @ApiAnswer(
            status = 429,
            when = "Too many wrong passwords for this account or from this address (login-throttled, shared with "
                    + "login): refused unchecked until Retry-After (also retryAfterSeconds) has passed",
            body = LoginThrottled.class)
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(summary = "Change the caller's password (current one required); answers a new token")
    TokenIssuer.IssuedToken changePassword(
            @Valid @RequestBody PasswordChangeRequest request,
            @AuthenticationPrincipal Jwt caller,
            HttpServletRequest http) {
        String accountId = caller.getSubject();
        AccountCredential credential =
                accountId.length() > 64 ? null : credentials.findById(accountId).orElse(null);
        if (credential == null) {
            throw new Refusal("account-not-found", null, "No account " + accountId);
        }
        PasswordPolicy.check(request.newPassword(), credential.email(), "newPassword");
        String address = http.getRemoteAddr();
        throttle.admit(credential.email(), address);
        if (!passwords.matches(request.currentPassword(), credential.passwordHash())) {
            throw new Refusal("current-password-wrong", "currentPassword", "The current password is wrong");
        }
        throttle.succeeded(credential.email(), address);
        if (passwords.matches(request.newPassword(), credential.passwordHash())) {
            throw new Refusal("weak-password", "newPassword", "newPassword must differ from the current password");
        }
        commands.sendAndWait(
                new ChangePasswordCommand(AccountId.of(accountId), passwords.encode(request.newPassword())));
        return tokens.issueFor(accountId);
    }

    /** The member a throttled login's problem adds. */
    record LoginThrottled(long retryAfterSeconds) {}

    @RequestExample("""
            {"role": "ANALYST"}
            """)
    @PostMapping("/api/accounts/{accountId}/roles")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @Operation(summary = "Grant a role to an account (ADMIN)")
    void grant(@PathVariable String accountId, @Valid @RequestBody RoleRequest request) {
        requireAccount(accountId);
        commands.sendAndWait(new GrantRoleCommand(AccountId.of(accountId), request.role()));
    }

    @DeleteMapping("/api/accounts/{accountId}/roles/{role}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiAnswer(status = 503, when = ApiAnswer.CONCURRENT_CHANGE)
    @ApiAnswer(status = 422, when = "The CUSTOMER role cannot be revoked")
    @Operation(summary = "Revoke a role from an account (ADMIN); CUSTOMER cannot be revoked")
    void revoke(@PathVariable String accountId, @PathVariable Role role) {
        requireAccount(accountId);
        commands.sendAndWait(new RevokeRoleCommand(AccountId.of(accountId), role));
    }

    private void requireAccount(String accountId) {
        if (accountId.length() > 64 || !credentials.existsById(accountId)) {
            throw new Refusal("account-not-found", "accountId", "No account " + accountId);
        }
    }
}
