package dev.cinema.command.account;

import static dev.cinema.command.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cinema.contracts.account.AccountId;
import dev.cinema.contracts.account.AccountRegisteredEvent;
import dev.cinema.contracts.account.ChangePasswordCommand;
import dev.cinema.contracts.account.GrantRoleCommand;
import dev.cinema.contracts.account.PasswordChangedEvent;
import dev.cinema.contracts.account.RevokeRoleCommand;
import dev.cinema.contracts.account.Role;
import dev.cinema.contracts.account.RoleGrantedEvent;
import dev.cinema.contracts.account.RoleRevokedEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class AccountTest {

    private static final AccountId ACCOUNT = AccountId.of("account-1");
    private static final Instant REGISTERED_AT = Instant.parse("2030-01-15T09:00:00Z");
    private static final AccountRegisteredEvent REGISTERED =
            new AccountRegisteredEvent(ACCOUNT, "ada@example.com", "Ada", Set.of(Role.CUSTOMER), REGISTERED_AT);

    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
    }

    @Test
    void aNewAccountIsRegisteredAsACustomerOnly() {
        // AccountRegistration creates the aggregate through Repository.newInstance, not a command handler.
        fixture.givenNoPriorActivity()
                .whenConstructing(() -> new Account(ACCOUNT, "ada@example.com", "Ada", REGISTERED_AT))
                .expectEvents(REGISTERED);
    }

    @Test
    void grantingARoleEmitsRoleGranted() {
        fixture.given(REGISTERED)
                .when(new GrantRoleCommand(ACCOUNT, Role.ADMIN))
                .expectEvents(new RoleGrantedEvent(ACCOUNT, Role.ADMIN));
    }

    @Test
    void grantingARoleTheAccountAlreadyHasEmitsNothing() {
        fixture.given(REGISTERED, new RoleGrantedEvent(ACCOUNT, Role.AUDITOR))
                .when(new GrantRoleCommand(ACCOUNT, Role.AUDITOR))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void grantingCustomerToANewAccountEmitsNothing() {
        // Every account starts as CUSTOMER, so this is a retry-safe no-op like any other existing role.
        fixture.given(REGISTERED)
                .when(new GrantRoleCommand(ACCOUNT, Role.CUSTOMER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void grantingWithoutARoleIsRefused() {
        fixture.given(REGISTERED)
                .when(new GrantRoleCommand(ACCOUNT, null))
                .expectException(refusal("role-required", "role"))
                .expectNoEvents();
    }

    @Test
    void revokingAGrantedRoleEmitsRoleRevoked() {
        fixture.given(REGISTERED, new RoleGrantedEvent(ACCOUNT, Role.ANALYST))
                .when(new RevokeRoleCommand(ACCOUNT, Role.ANALYST))
                .expectEvents(new RoleRevokedEvent(ACCOUNT, Role.ANALYST));
    }

    @Test
    void revokingARoleTheAccountDoesNotHaveEmitsNothing() {
        fixture.given(REGISTERED)
                .when(new RevokeRoleCommand(ACCOUNT, Role.ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void revokingTheCustomerRoleIsRefused() {
        fixture.given(REGISTERED, new RoleGrantedEvent(ACCOUNT, Role.ADMIN))
                .when(new RevokeRoleCommand(ACCOUNT, Role.CUSTOMER))
                .expectException(refusal("customer-role-permanent", "role"))
                .expectNoEvents();
    }

    @Test
    void aRevokedRoleCanBeGrantedAgain() {
        // Checks that the revocation is sourced into state: otherwise the grant would be a no-op.
        fixture.given(REGISTERED, new RoleGrantedEvent(ACCOUNT, Role.ADMIN), new RoleRevokedEvent(ACCOUNT, Role.ADMIN))
                .when(new GrantRoleCommand(ACCOUNT, Role.ADMIN))
                .expectEvents(new RoleGrantedEvent(ACCOUNT, Role.ADMIN));
    }

    @Test
    void aPasswordChangeWritesTheNewHashToTheCredentialAndOnlyTheInstantToTheEvent() {
        String hash = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";
        Instant changedAt = Instant.parse("2030-02-01T12:00:00Z");
        AccountCredential credential = new AccountCredential(
                ACCOUNT.value(), "ada@example.com", "old-hash", Set.of(Role.CUSTOMER), REGISTERED_AT);
        AccountCredentialRepository credentials = Mockito.mock(AccountCredentialRepository.class);
        Mockito.when(credentials.findById(ACCOUNT.value())).thenReturn(Optional.of(credential));
        fixture.registerAnnotatedCommandHandler(
                new ChangingPasswords(fixture.getRepository(), credentials, Clock.fixed(changedAt, ZoneOffset.UTC)));

        fixture.given(REGISTERED)
                .when(new ChangePasswordCommand(ACCOUNT, hash))
                .expectEvents(new PasswordChangedEvent(ACCOUNT, changedAt));
        assertThat(credential.passwordHash()).isEqualTo(hash);
    }
}
