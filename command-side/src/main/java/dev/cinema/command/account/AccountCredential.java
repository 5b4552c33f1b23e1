package dev.cinema.command.account;

import dev.cinema.contracts.account.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Command-side lookup: e-mail uniqueness, the password hash and the roles a login token gets. It
 * is written in the same unit of work as the account's events and never exposed to queries.
 */
@Entity
@Table(name = "account_credential")
class AccountCredential {

    @Id
    @Column(name = "account_id")
    private String accountId;

    /** Lower-cased; a unique index makes a duplicate registration fail even under a race. */
    @Column(name = "email", nullable = false, unique = true)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "roles", nullable = false)
    private String roles;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    protected AccountCredential() {}

    AccountCredential(String accountId, String email, String passwordHash, Set<Role> roles, Instant registeredAt) {
        this.accountId = accountId;
        this.email = email;
        this.passwordHash = passwordHash;
        this.roles = encode(roles);
        this.registeredAt = registeredAt;
    }

    String accountId() {
        return accountId;
    }

    String email() {
        return email;
    }

    String passwordHash() {
        return passwordHash;
    }

    Set<Role> roles() {
        if (roles.isBlank()) {
            return EnumSet.noneOf(Role.class);
        }
        return Arrays.stream(roles.split(","))
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    void grant(Role role) {
        Set<Role> current = roles();
        current.add(role);
        roles = encode(current);
    }

    void revoke(Role role) {
        Set<Role> current = roles();
        current.remove(role);
        roles = encode(current);
    }

    private static String encode(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }
}
