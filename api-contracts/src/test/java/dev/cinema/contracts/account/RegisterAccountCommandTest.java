package dev.cinema.contracts.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegisterAccountCommandTest {

    private static final String HASH = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";

    @Test
    void printingTheCommandDoesNotRevealThePasswordHash() {
        // Axon and our error handling log commands by toString(): the hash must never reach a log.
        RegisterAccountCommand command =
                new RegisterAccountCommand(AccountId.of("account-1"), "ada@example.com", "Ada", HASH);

        assertThat(command.toString())
                .doesNotContain(HASH)
                .doesNotContain("N9qo8uLOickgx2ZMRZoMye")
                .contains("account-1")
                .contains("ada@example.com");
    }

    @Test
    void theHashIsStillCarriedForTheHandler() {
        RegisterAccountCommand command =
                new RegisterAccountCommand(AccountId.of("account-1"), "ada@example.com", "Ada", HASH);

        assertThat(command.passwordHash()).isEqualTo(HASH);
    }

    @Test
    void printingAPasswordChangeDoesNotRevealTheNewHash() {
        ChangePasswordCommand command = new ChangePasswordCommand(AccountId.of("account-1"), HASH);

        assertThat(command.toString()).doesNotContain("N9qo8uLOickgx2ZMRZoMye").contains("account-1");
        assertThat(command.passwordHash()).isEqualTo(HASH);
    }

    @Test
    void thePasswordChangedEventHasNoPlaceForAHash() {
        // What an event carries is stored for ever and read by every projection: never a credential.
        assertThat(java.util.Arrays.stream(PasswordChangedEvent.class.getRecordComponents())
                        .map(java.lang.reflect.RecordComponent::getName))
                .containsExactly("accountId", "changedAt");
    }
}
